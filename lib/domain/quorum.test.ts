import { describe, expect, it } from "vitest";
import { resolveQuorum, type QuorumChoice } from "./quorum";

describe("resolveQuorum", () => {
  it.each<[string, QuorumChoice, number, number, number]>([
    ["a named number is kept", { mode: "NUMBER", count: 3 }, 4, 1, 3],
    ["a named number ignores who is present", { mode: "NUMBER", count: 2 }, 4, 4, 2],
    ["zero stays zero when named", { mode: "NUMBER", count: 0 }, 4, 2, 0],
    ["more than the delegations is capped", { mode: "NUMBER", count: 9 }, 4, 0, 4],
    ["a negative number becomes zero", { mode: "NUMBER", count: -2 }, 4, 0, 0],
    ["a fraction is rounded down", { mode: "NUMBER", count: 2.7 }, 4, 0, 2],
    ["present: the delegations present at open", { mode: "PRESENT" }, 4, 3, 3],
    ["present: everyone there", { mode: "PRESENT" }, 4, 4, 4],
    ["present: nobody there still needs one ballot", { mode: "PRESENT" }, 4, 0, 1],
    ["present: never more than the delegations", { mode: "PRESENT" }, 2, 5, 2],
    ["present: a workshop without delegations", { mode: "PRESENT" }, 0, 0, 0],
  ])("%s", (_what, choice, delegations, present, expected) => {
    expect(resolveQuorum(choice, { delegations, present })).toBe(expected);
  });
});
