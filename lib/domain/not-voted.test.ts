import { describe, expect, it } from "vitest";
import { delegationsNotVoted } from "./not-voted";

const CHN = { id: "chn", name: "China" };
const JPN = { id: "jpn", name: "Japan" };
const KOR = { id: "kor", name: "Republic of Korea" };
const ALL = [CHN, JPN, KOR];

describe("delegationsNotVoted", () => {
  it.each<[string, Array<string | { delegationId: string }>, Array<typeof CHN>]>([
    ["nobody has voted", [], ALL],
    ["one ballot cast", [{ delegationId: "jpn" }], [CHN, KOR]],
    ["everyone has voted", [{ delegationId: "kor" }, { delegationId: "chn" }, { delegationId: "jpn" }], []],
    ["ids as the live board carries them", ["chn"], [JPN, KOR]],
    ["a ballot of a delegation since removed is ignored", [{ delegationId: "gone" }], ALL],
    ["a repeated id counts once", ["chn", "chn"], [JPN, KOR]],
  ])("%s", (_what, ballots, expected) => {
    expect(delegationsNotVoted(ALL, ballots)).toEqual(expected);
  });

  it("keeps the workshop's order and does not mutate its input", () => {
    const delegations = [KOR, CHN, JPN];
    expect(delegationsNotVoted(delegations, ["chn"])).toEqual([KOR, JPN]);
    expect(delegations).toEqual([KOR, CHN, JPN]);
  });
});
