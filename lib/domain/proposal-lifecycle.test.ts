import { describe, expect, it } from "vitest";
import { nextState, type Transition } from "./proposal-lifecycle";
import type { ProposalState } from "./access";

describe("proposal lifecycle", () => {
  it.each<[ProposalState, Transition, ProposalState | null]>([
    ["DRAFTING", "lock", "LOCKED"],
    ["LOCKED", "lock", null],
    ["LOCKED", "unlock", "DRAFTING"],
    ["DRAFTING", "unlock", null],
    ["DRAFTING", "openVote", "VOTING"],
    ["LOCKED", "openVote", "VOTING"],
    ["VOTING", "openVote", null],
    ["ADOPTED", "openVote", null],
    ["VOTING", "adopt", "ADOPTED"],
    ["DRAFTING", "adopt", null],
    ["VOTING", "reject", "DRAFTING"],
    ["VOTING", "cancelVote", "DRAFTING"],
    ["LOCKED", "cancelVote", null],
    ["DRAFTING", "withdraw", "WITHDRAWN"],
    ["VOTING", "withdraw", "WITHDRAWN"],
    ["ADOPTED", "withdraw", null],
    ["WITHDRAWN", "withdraw", null],
    ["WITHDRAWN", "unlock", null],
  ])("%s --%s--> %s", (from, t, to) => {
    expect(nextState(from, t)).toBe(to);
  });
});
