import { describe, expect, it } from "vitest";
import {
  ACTIVE_FLOOR_STATUSES,
  AUDIT_ACTIONS,
  BALLOT_CHOICES,
  FLOOR_STATUSES,
  PROPOSAL_STATES,
  ROLES,
  VERSION_KINDS,
  VOTE_RULES,
  VOTE_STATUSES,
  isAuditAction,
} from "./vocabulary";

describe("vocabulary", () => {
  it.each([
    ["ROLES", ROLES],
    ["PROPOSAL_STATES", PROPOSAL_STATES],
    ["VOTE_RULES", VOTE_RULES],
    ["BALLOT_CHOICES", BALLOT_CHOICES],
    ["VOTE_STATUSES", VOTE_STATUSES],
    ["FLOOR_STATUSES", FLOOR_STATUSES],
    ["ACTIVE_FLOOR_STATUSES", ACTIVE_FLOOR_STATUSES],
    ["VERSION_KINDS", VERSION_KINDS],
    ["AUDIT_ACTIONS", AUDIT_ACTIONS],
  ] as const)("%s names each word once", (_, words) => {
    expect(new Set(words).size).toBe(words.length);
  });

  it("the speaking queue shows only requests that are still live", () => {
    expect(ACTIVE_FLOOR_STATUSES.every((s) => (FLOOR_STATUSES as readonly string[]).includes(s))).toBe(true);
    expect(ACTIVE_FLOOR_STATUSES).not.toContain("DONE");
    expect(ACTIVE_FLOOR_STATUSES).not.toContain("WITHDRAWN");
  });

  it("audit actions read as area.verb", () => {
    for (const action of AUDIT_ACTIONS) expect(action).toMatch(/^[a-z]+\.[a-z]+$/);
  });

  it.each([
    ["floor.withdraw", true],
    ["ballot.change", true],
    ["workshop.seed", true],
    // An access-table action is not something the log records.
    ["proposal.edit", false],
    ["floor.withdrawn", false],
    ["FLOOR.WITHDRAW", false],
    ["", false],
    ["__proto__", false],
    ["toString", false],
  ])("isAuditAction(%j) → %s", (action, expected) => {
    expect(isAuditAction(action)).toBe(expected);
  });
});
