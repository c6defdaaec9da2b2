import { describe, expect, it } from "vitest";
import { ACTIONS, PROPOSAL_STATES, ROLES, can, decide, isProposalAction, type Action, type ProposalState, type Role } from "./access";

const M: Role = "MODERATOR";
const D: Role = "DELEGATE";
const O: Role = "OBSERVER";

// The expected matrix, written out by hand (not derived from the table under test).
const rows: Array<[Role | null, Action, ProposalState | undefined, boolean]> = [
  [M, "workshop.view", undefined, true],
  [D, "workshop.view", undefined, true],
  [O, "workshop.view", undefined, true],
  [null, "workshop.view", undefined, false],
  [M, "workshop.manage", undefined, true],
  [D, "workshop.manage", undefined, false],
  [O, "workshop.manage", undefined, false],
  [M, "audit.view", undefined, true],
  [D, "audit.view", undefined, false],
  [D, "floor.request", undefined, true],
  [O, "floor.request", undefined, false],
  [M, "floor.manage", undefined, true],
  [D, "floor.manage", undefined, false],
  [O, "proposal.view", "ADOPTED", true],
  [O, "proposal.view", "WITHDRAWN", true],
  [null, "proposal.view", "DRAFTING", false],
  [D, "proposal.edit", "DRAFTING", true],
  [M, "proposal.edit", "DRAFTING", true],
  [O, "proposal.edit", "DRAFTING", false],
  [D, "proposal.edit", "LOCKED", false],
  [D, "proposal.edit", "VOTING", false],
  [M, "proposal.edit", "VOTING", false],
  [D, "proposal.edit", "ADOPTED", false],
  [D, "proposal.edit", "WITHDRAWN", false],
  [M, "proposal.lock", "DRAFTING", true],
  [M, "proposal.lock", "LOCKED", false],
  [D, "proposal.lock", "DRAFTING", false],
  [M, "proposal.unlock", "LOCKED", true],
  [M, "proposal.unlock", "DRAFTING", false],
  [M, "proposal.withdraw", "VOTING", true],
  [M, "proposal.withdraw", "ADOPTED", false],
  [M, "proposal.withdraw", "WITHDRAWN", false],
  [M, "vote.open", "DRAFTING", true],
  [M, "vote.open", "LOCKED", true],
  [M, "vote.open", "VOTING", false],
  [D, "vote.open", "DRAFTING", false],
  [M, "vote.close", "VOTING", true],
  [M, "vote.cancel", "VOTING", true],
  [M, "vote.close", "DRAFTING", false],
  [D, "vote.cast", "VOTING", true],
  [D, "vote.cast", "DRAFTING", false],
  [O, "vote.cast", "VOTING", false],
  [M, "vote.cast", "VOTING", false],
  [M, "version.create", "LOCKED", true],
  [M, "version.create", "VOTING", false],
  [D, "version.create", "DRAFTING", false],
  [M, "version.restore", "DRAFTING", true],
  [M, "version.restore", "LOCKED", false],
  [D, "version.restore", "DRAFTING", false],
  [O, "history.view", "VOTING", true],
  [M, "workshop.edit", undefined, true],
  [D, "workshop.edit", undefined, false],
  [M, "people.manage", undefined, true],
  [D, "people.manage", undefined, false],
  [O, "people.manage", undefined, false],
  [M, "proposal.create", undefined, true],
  [D, "proposal.create", undefined, false],
  [M, "proposal.details", "DRAFTING", true],
  [M, "proposal.details", "VOTING", true],
  [M, "proposal.details", "ADOPTED", false],
  [D, "proposal.details", "DRAFTING", false],
];

describe("access table", () => {
  it.each(rows)("%s × %s × %s → %s", (role, action, state, expected) => {
    expect(can(role, action, state)).toBe(expected);
  });

  it("denies every action to a non-member, in every state", () => {
    for (const action of ACTIONS) {
      for (const state of [undefined, ...PROPOSAL_STATES]) {
        expect(decide(null, action, state)).toEqual({ allowed: false, code: "NOT_A_MEMBER" });
      }
    }
  });

  it("lets observers only read (the outcome record: where the chair allows it, checked by its use case)", () => {
    const allowed = ACTIONS.filter((a) => PROPOSAL_STATES.some((s) => can(O, a, s)) || can(O, a));
    expect(allowed.sort()).toEqual(["history.view", "outcome.view", "proposal.view", "workshop.view"]);
  });

  it("accepts text changes only in DRAFTING, for anyone", () => {
    for (const role of ROLES) {
      for (const state of PROPOSAL_STATES) {
        if (state !== "DRAFTING") expect(can(role, "proposal.edit", state)).toBe(false);
      }
    }
  });

  it("denies unknown actions, including prototype names", () => {
    for (const action of ["proposal.delete", "constructor", "toString", "__proto__", ""]) {
      expect(decide(M, action, "DRAFTING")).toEqual({ allowed: false, code: "UNKNOWN_ACTION" });
    }
  });

  it("names why: wrong role vs wrong state", () => {
    expect(decide(O, "proposal.edit", "DRAFTING")).toEqual({ allowed: false, code: "FORBIDDEN" });
    expect(decide(D, "proposal.edit", "LOCKED")).toEqual({ allowed: false, code: "WRONG_STATE" });
    // A proposal-scoped action asked without a state is denied, never assumed open.
    expect(decide(D, "proposal.edit")).toEqual({ allowed: false, code: "WRONG_STATE" });
  });

  it("lets nobody change anything in an archived workshop, and everyone read it", () => {
    const archived = { archived: true };
    for (const role of ROLES) {
      const allowed = ACTIONS.filter((a) => (isProposalAction(a) ? PROPOSAL_STATES.some((s) => can(role, a, s, archived)) : can(role, a, undefined, archived)));
      const expected = role === "MODERATOR" ? ["audit.view", "history.view", "outcome.view", "proposal.view", "workshop.view"] : ["history.view", "outcome.view", "proposal.view", "workshop.view"];
      expect(allowed.sort()).toEqual(expected);
    }
    expect(decide(M, "proposal.edit", "DRAFTING", archived)).toEqual({ allowed: false, code: "ARCHIVED" });
    expect(decide(O, "proposal.edit", "DRAFTING", archived)).toEqual({ allowed: false, code: "FORBIDDEN" });
  });

  it("never lets anyone act on an adopted or withdrawn text except to read it", () => {
    for (const role of ROLES) {
      for (const state of ["ADOPTED", "WITHDRAWN"] as const) {
        const allowed = ACTIONS.filter((a) => isProposalAction(a) && can(role, a, state));
        expect(allowed.sort()).toEqual(["history.view", "proposal.view"]);
      }
    }
  });
});
