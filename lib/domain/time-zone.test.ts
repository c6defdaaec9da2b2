import { describe, expect, it } from "vitest";
import { isIanaZone, normalizeTimeZone, timeZoneChoices } from "./time-zone";

describe("normalizeTimeZone", () => {
  it.each<[string, string | null]>([
    ["Europe/Berlin", "Europe/Berlin"],
    ["Asia/Tokyo", "Asia/Tokyo"],
    ["UTC", "UTC"],
    ["Etc/UTC", "UTC"],
    ["  Asia/Shanghai ", "Asia/Shanghai"],
    ["Mars/Olympus_Mons", null],
    ["", null],
    ["+05:00", null],
    ["<script>", null],
    ["Europe/" + "x".repeat(100), null],
  ])("%s → %s", (input, expected) => {
    expect(normalizeTimeZone(input)).toBe(expected);
  });

  it("accepts every zone it offers", () => {
    for (const zone of timeZoneChoices()) expect(normalizeTimeZone(zone), zone).not.toBeNull();
  });
});

describe("timeZoneChoices", () => {
  it("offers UTC first and the runtime's zones", () => {
    const list = timeZoneChoices();
    expect(list[0]).toBe("UTC");
    expect(list).toContain("Asia/Tokyo");
    expect(new Set(list).size).toBe(list.length);
  });

  it("keeps a stored zone the runtime lists under another name", () => {
    expect(timeZoneChoices("Asia/Kolkata")).toContain("Asia/Kolkata");
  });
});

describe("isIanaZone (a venue's zone, stored as written)", () => {
  it.each<[string, boolean]>([
    ["Asia/Tokyo", true],
    ["America/Argentina/Buenos_Aires", true],
    ["UTC", true],
    ["Asia/Calcutta", true],
    ["Asia/Kolkata", true],
    ["utc", false],
    ["+01:00", false],
    ["EST5EDT", false],
    ["Mars/Olympus_Mons", false],
    ["", false],
  ])("%s → %s", (zone, expected) => {
    expect(isIanaZone(zone)).toBe(expected);
  });
});
