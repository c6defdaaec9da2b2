import { describe, expect, it } from "vitest";
import { resetLinkStatus, type ResetLinkFacts } from "./password-reset";

const now = new Date("2026-12-01T12:00:00Z");
const later = new Date("2026-12-02T12:00:00Z");
const earlier = new Date("2026-11-30T12:00:00Z");

describe("resetLinkStatus", () => {
  it.each<[string, ResetLinkFacts, string]>([
    ["fresh", { expiresAt: later, usedAt: null }, "VALID"],
    ["expired", { expiresAt: earlier, usedAt: null }, "EXPIRED"],
    ["expires exactly now", { expiresAt: now, usedAt: null }, "EXPIRED"],
    ["used", { expiresAt: later, usedAt: earlier }, "USED"],
    ["used, then expired → used", { expiresAt: earlier, usedAt: earlier }, "USED"],
  ])("%s", (_name, facts, expected) => {
    expect(resetLinkStatus(facts, now)).toBe(expected);
  });
});
