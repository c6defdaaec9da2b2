import { describe, expect, it } from "vitest";
import { inviteStatus, type InviteFacts } from "./invite";

const now = new Date("2026-11-28T12:00:00Z");
const later = new Date("2026-11-29T12:00:00Z");
const earlier = new Date("2026-11-27T12:00:00Z");

describe("inviteStatus", () => {
  it.each<[string, InviteFacts, string]>([
    ["fresh", { expiresAt: later, uses: 0, maxUses: 1, revokedAt: null }, "VALID"],
    ["one use left of three", { expiresAt: later, uses: 2, maxUses: 3, revokedAt: null }, "VALID"],
    ["used up", { expiresAt: later, uses: 1, maxUses: 1, revokedAt: null }, "USED_UP"],
    ["expired", { expiresAt: earlier, uses: 0, maxUses: 1, revokedAt: null }, "EXPIRED"],
    ["expires exactly now", { expiresAt: now, uses: 0, maxUses: 1, revokedAt: null }, "EXPIRED"],
    ["expired and used up → expired", { expiresAt: earlier, uses: 1, maxUses: 1, revokedAt: null }, "EXPIRED"],
    ["revoked beats everything", { expiresAt: earlier, uses: 9, maxUses: 1, revokedAt: earlier }, "REVOKED"],
    ["revoked while fresh", { expiresAt: later, uses: 0, maxUses: 1, revokedAt: now }, "REVOKED"],
  ])("%s", (_name, facts, expected) => {
    expect(inviteStatus(facts, now)).toBe(expected);
  });
});
