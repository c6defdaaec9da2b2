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

  // A vote that does not adopt, or is cancelled, leaves the proposal where it was before it.
  it.each<[Transition, ProposalState, ProposalState | null]>([
    ["reject", "LOCKED", "LOCKED"],
    ["reject", "DRAFTING", "DRAFTING"],
    ["cancelVote", "LOCKED", "LOCKED"],
    ["cancelVote", "DRAFTING", "DRAFTING"],
    // Not a state a vote opens from: drafting, as before the state was recorded.
    ["reject", "ADOPTED", "DRAFTING"],
    ["cancelVote", "VOTING", "DRAFTING"],
    // Adoption and the chair's own moves ignore it.
    ["adopt", "LOCKED", "ADOPTED"],
    ["withdraw", "LOCKED", "WITHDRAWN"],
  ])("VOTING --%s--> (before the vote: %s) %s", (t, before, to) => {
    expect(nextState("VOTING", t, before)).toBe(to);
  });

  it("refuses a vote's end outside VOTING whatever the state before", () => {
    expect(nextState("LOCKED", "reject", "LOCKED")).toBeNull();
    expect(nextState("DRAFTING", "cancelVote", "LOCKED")).toBeNull();
  });
});
