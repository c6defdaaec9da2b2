import { describe, expect, it } from "vitest";
import {
  competes,
  mayDecide,
  mayEditDirectly,
  mayPropose,
  mayRevise,
  mayTakeStance,
  mayWithdraw,
  supersededBy,
  type Actor,
  type AmendmentFacts,
  type Span,
} from "./amendments";
import { PROPOSAL_STATES, type ProposalState } from "./vocabulary";

const chair: Actor = { userId: "chair", role: "MODERATOR", delegationId: null };
const coChair: Actor = { userId: "co-chair", role: "MODERATOR", delegationId: null };
const china: Actor = { userId: "li", role: "DELEGATE", delegationId: "CHN" };
const china2: Actor = { userId: "zhang", role: "DELEGATE", delegationId: "CHN" };
const japan: Actor = { userId: "sato", role: "DELEGATE", delegationId: "JPN" };
const unseated: Actor = { userId: "nobody", role: "DELEGATE", delegationId: null };
/** China's author, moved to Japan by the chair. */
const movedToJapan: Actor = { userId: "li", role: "DELEGATE", delegationId: "JPN" };
const observer: Actor = { userId: "obs", role: "OBSERVER", delegationId: null };

const byChina: AmendmentFacts = { authorId: "li", delegationId: "CHN", status: "OPEN" };
const byChair: AmendmentFacts = { authorId: "chair", delegationId: null, status: "OPEN" };
const decided = (a: AmendmentFacts, status: AmendmentFacts["status"]): AmendmentFacts => ({ ...a, status });

const ACTORS = { chair, coChair, china, china2, japan, unseated, observer, movedToJapan };
type ActorName = keyof typeof ACTORS;
/** "byChina" or "byChina ACCEPTED": an amendment by name, so each row reads as a sentence. */
function amendment(name: string): AmendmentFacts {
  const [who, status] = name.split(" ");
  const base = who === "byChair" ? byChair : byChina;
  return status ? decided(base, status as AmendmentFacts["status"]) : base;
}

const verdict = (v: { ok: true } | { ok: false; code: string }) => (v.ok ? "ok" : v.code);
const statesExcept = (...allowed: ProposalState[]) => PROPOSAL_STATES.filter((s) => !allowed.includes(s));

describe("mayEditDirectly", () => {
  it.each([
    ["MODERATOR", "OPEN", true],
    ["MODERATOR", "AMENDMENTS", true],
    ["DELEGATE", "OPEN", true],
    ["DELEGATE", "AMENDMENTS", false],
    ["OBSERVER", "OPEN", false],
    ["OBSERVER", "AMENDMENTS", false],
  ] as const)("%s in %s → %s", (role, mode, allowed) => {
    expect(mayEditDirectly(role, mode)).toBe(allowed);
  });
});

describe("mayPropose", () => {
  it.each([
    ["chair", "DRAFTING", "ok"],
    ["china", "DRAFTING", "ok"],
    ["unseated", "DRAFTING", "ok"],
    ["observer", "DRAFTING", "FORBIDDEN"],
    ...statesExcept("DRAFTING").map((s) => ["china", s, "WRONG_STATE"] as const),
    // The role is said first: an observer learns they cannot propose at all, not "not now".
    ["observer", "VOTING", "FORBIDDEN"],
  ] as const)("%s in %s → %s", (actor, state, expected) => {
    expect(verdict(mayPropose(ACTORS[actor as ActorName], state))).toBe(expected);
  });
});

describe("mayRevise", () => {
  it.each([
    ["china", "byChina", "DRAFTING", "ok"],
    ["chair", "byChair", "DRAFTING", "ok"],
    // Only the author: not a colleague of the same delegation, not the chair, not a co-chair.
    ["china2", "byChina", "DRAFTING", "NOT_YOURS"],
    ["japan", "byChina", "DRAFTING", "NOT_YOURS"],
    ["chair", "byChina", "DRAFTING", "NOT_YOURS"],
    ["coChair", "byChair", "DRAFTING", "NOT_YOURS"],
    // Its author, moved to another delegation: cannot rewrite the old delegation's words.
    ["movedToJapan", "byChina", "DRAFTING", "NOT_YOURS"],
    ["china", "byChina ACCEPTED", "DRAFTING", "NOT_OPEN"],
    ["china", "byChina WITHDRAWN", "DRAFTING", "NOT_OPEN"],
    ["china", "byChina SUPERSEDED", "DRAFTING", "NOT_OPEN"],
    ["china", "byChina", "LOCKED", "WRONG_STATE"],
    ["china", "byChina", "VOTING", "WRONG_STATE"],
    ["observer", "byChina", "DRAFTING", "FORBIDDEN"],
  ] as const)("%s on %s in %s → %s", (actor, facts, state, expected) => {
    expect(verdict(mayRevise(ACTORS[actor as ActorName], amendment(facts), state))).toBe(expected);
  });
});

describe("mayTakeStance", () => {
  it.each([
    ["japan", "byChina", "DRAFTING", "ok"],
    ["japan", "byChina", "LOCKED", "ok"],
    ["japan", "byChair", "DRAFTING", "ok"],
    ["china", "byChina", "DRAFTING", "OWN_AMENDMENT"],
    // A colleague of the proposing delegation speaks for the same delegation.
    ["china2", "byChina", "DRAFTING", "OWN_AMENDMENT"],
    ["chair", "byChina", "DRAFTING", "FORBIDDEN"],
    ["observer", "byChina", "DRAFTING", "FORBIDDEN"],
    ["unseated", "byChina", "DRAFTING", "FORBIDDEN"],
    ["japan", "byChina", "VOTING", "WRONG_STATE"],
    ["japan", "byChina", "ADOPTED", "WRONG_STATE"],
    ["japan", "byChina", "WITHDRAWN", "WRONG_STATE"],
    ["japan", "byChina REJECTED", "DRAFTING", "NOT_OPEN"],
    ["japan", "byChina SUPERSEDED", "LOCKED", "NOT_OPEN"],
  ] as const)("%s on %s in %s → %s", (actor, facts, state, expected) => {
    expect(verdict(mayTakeStance(ACTORS[actor as ActorName], amendment(facts), state))).toBe(expected);
  });
});

describe("mayWithdraw", () => {
  it.each([
    ["china", "byChina", "DRAFTING", "ok"],
    ["china", "byChina", "LOCKED", "ok"],
    // The delegation's, not only its author's.
    ["china2", "byChina", "DRAFTING", "ok"],
    ["chair", "byChair", "DRAFTING", "ok"],
    ["japan", "byChina", "DRAFTING", "NOT_YOURS"],
    // The chair rejects a delegation's amendment; withdrawing is the delegation's word.
    ["chair", "byChina", "DRAFTING", "NOT_YOURS"],
    ["coChair", "byChair", "DRAFTING", "NOT_YOURS"],
    ["unseated", "byChair", "DRAFTING", "NOT_YOURS"],
    ["china", "byChina ACCEPTED", "DRAFTING", "NOT_OPEN"],
    ["china", "byChina WITHDRAWN", "LOCKED", "NOT_OPEN"],
    ["china", "byChina", "VOTING", "WRONG_STATE"],
    ["china", "byChina", "ADOPTED", "WRONG_STATE"],
    ["observer", "byChina", "DRAFTING", "FORBIDDEN"],
  ] as const)("%s on %s in %s → %s", (actor, facts, state, expected) => {
    expect(verdict(mayWithdraw(ACTORS[actor as ActorName], amendment(facts), state))).toBe(expected);
  });
});

describe("mayDecide", () => {
  it.each([
    ["chair", "ACCEPT", "DRAFTING", "ok"],
    ["chair", "REJECT", "DRAFTING", "ok"],
    ["chair", "REJECT", "LOCKED", "ok"],
    // Accepting changes the agreed text: only while drafting is open.
    ["chair", "ACCEPT", "LOCKED", "WRONG_STATE"],
    ["chair", "ACCEPT", "VOTING", "WRONG_STATE"],
    ["chair", "REJECT", "VOTING", "WRONG_STATE"],
    ["chair", "ACCEPT", "ADOPTED", "WRONG_STATE"],
    ["chair", "REJECT", "WITHDRAWN", "WRONG_STATE"],
    ["china", "ACCEPT", "DRAFTING", "FORBIDDEN"],
    ["japan", "REJECT", "DRAFTING", "FORBIDDEN"],
    ["observer", "ACCEPT", "DRAFTING", "FORBIDDEN"],
  ] as const)("%s: %s in %s → %s", (actor, decision, state, expected) => {
    expect(verdict(mayDecide(ACTORS[actor as ActorName], byChina, decision, state))).toBe(expected);
  });

  it.each(["ACCEPTED", "REJECTED", "WITHDRAWN", "SUPERSEDED"] as const)("an amendment already %s cannot be decided again", (status) => {
    expect(verdict(mayDecide(chair, decided(byChina, status), "ACCEPT", "DRAFTING"))).toBe("NOT_OPEN");
    expect(verdict(mayDecide(chair, decided(byChina, status), "REJECT", "LOCKED"))).toBe("NOT_OPEN");
  });
});

describe("competes", () => {
  const span = (from: number, to: number, block = "b1"): Span => ({ block, from, to });
  it.each([
    // Replacements
    ["overlapping", span(0, 10), span(5, 15), true],
    ["one inside the other", span(0, 10), span(2, 4), true],
    ["the same passage", span(3, 8), span(3, 8), true],
    ["touching (one ends where the other begins)", span(0, 5), span(5, 9), false],
    ["apart", span(0, 3), span(6, 9), false],
    ["in different blocks", span(0, 10, "b1"), span(0, 10, "b2"), false],
    // Insertions
    ["two insertions at the same point", span(4, 4), span(4, 4), true],
    ["two insertions at different points", span(4, 4), span(5, 5), false],
    ["an insertion strictly inside a replaced passage", span(5, 5), span(2, 8), true],
    ["an insertion at the start of a replaced passage", span(2, 2), span(2, 8), false],
    ["an insertion at the end of a replaced passage", span(8, 8), span(2, 8), false],
    ["insertions at the same point in different blocks", span(4, 4, "b1"), span(4, 4, "b2"), false],
  ] as const)("%s → %s", (_, a, b, expected) => {
    expect(competes(a, b)).toBe(expected);
    // Competing is symmetric.
    expect(competes(b, a)).toBe(expected);
  });
});

describe("supersededBy", () => {
  it("names the open amendments whose passage the accepted one overlaps, never itself or unresolvable ones", () => {
    const accepted = { id: "a", span: { block: "b1", from: 4, to: 10 } };
    const open = [
      { id: "a", span: { block: "b1", from: 4, to: 10 } },
      { id: "overlaps", span: { block: "b1", from: 8, to: 12 } },
      { id: "touches", span: { block: "b1", from: 10, to: 12 } },
      { id: "inserts-inside", span: { block: "b1", from: 6, to: 6 } },
      { id: "other-block", span: { block: "b2", from: 4, to: 10 } },
      { id: "gone", span: null },
    ];
    expect(supersededBy(accepted, open)).toEqual(["overlaps", "inserts-inside"]);
  });
});

