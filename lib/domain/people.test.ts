import { describe, expect, it } from "vitest";
import { delegationDeletable, losesLastChair, seatFor } from "./people";
import type { Role } from "./vocabulary";

describe("seatFor", () => {
  it.each<[Role, string | null, ReturnType<typeof seatFor>]>([
    ["DELEGATE", "d1", { ok: true, delegationId: "d1" }],
    ["DELEGATE", null, { ok: false, reason: "Delegation: a delegate needs a delegation." }],
    ["OBSERVER", "d1", { ok: true, delegationId: null }],
    ["OBSERVER", null, { ok: true, delegationId: null }],
    ["MODERATOR", "d1", { ok: true, delegationId: "d1" }],
    ["MODERATOR", null, { ok: true, delegationId: null }],
  ])("%s in %s", (role, delegationId, expected) => {
    expect(seatFor(role, delegationId)).toEqual(expected);
  });
});

describe("losesLastChair", () => {
  it.each<[string, Role, Role | null, number, boolean]>([
    ["the only chair demoted to delegate", "MODERATOR", "DELEGATE", 1, true],
    ["the only chair demoted to observer", "MODERATOR", "OBSERVER", 1, true],
    ["the only chair removed", "MODERATOR", null, 1, true],
    ["the only chair stays chair (delegation change)", "MODERATOR", "MODERATOR", 1, false],
    ["one of two chairs demoted", "MODERATOR", "OBSERVER", 2, false],
    ["one of two chairs removed", "MODERATOR", null, 2, false],
    ["a delegate removed", "DELEGATE", null, 1, false],
    ["an observer made chair", "OBSERVER", "MODERATOR", 1, false],
    ["no chair counted (already none) is still refused", "MODERATOR", null, 0, true],
  ])("%s", (_name, current, next, chairs, expected) => {
    expect(losesLastChair(current, next, chairs)).toBe(expected);
  });
});

describe("delegationDeletable", () => {
  it.each<[string, { members: number; ballots: number }, boolean, RegExp?]>([
    ["unused", { members: 0, ballots: 0 }, true],
    ["one member", { members: 1, ballots: 0 }, false, /1 member sits/],
    ["several members", { members: 3, ballots: 0 }, false, /3 members sit/],
    ["ballots only", { members: 0, ballots: 2 }, false, /cast ballots/],
    ["members and ballots: members named first", { members: 2, ballots: 1 }, false, /2 members/],
  ])("%s", (_name, usage, ok, reason) => {
    const d = delegationDeletable(usage);
    expect(d.ok).toBe(ok);
    if (!d.ok && reason) expect(d.reason).toMatch(reason);
  });
});
