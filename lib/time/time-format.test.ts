import { afterEach, describe, expect, it } from "vitest";
import { formatInstant, isSameLocalDay, isValidTimeZone, normalizeTimeZone, toInstant, UNKNOWN_TIME, zoneAbbreviation, type TimeFormat } from "./time-format";

const WINTER = "2026-12-01T05:59:03Z"; // a Tuesday
const SUMMER = "2026-07-01T12:00:00Z"; // a Wednesday

// instant, zone, time, date-time, full
const rows: Array<[string, string, string, string, string]> = [
  [WINTER, "Asia/Tokyo", "14:59 JST", "1 Dec 2026, 14:59 JST", "Tuesday 1 December 2026, 14:59:03 Japan Standard Time (Asia/Tokyo)"],
  [WINTER, "Asia/Seoul", "14:59 KST", "1 Dec 2026, 14:59 KST", "Tuesday 1 December 2026, 14:59:03 Korea Standard Time (Asia/Seoul)"],
  [WINTER, "Asia/Shanghai", "13:59 CST", "1 Dec 2026, 13:59 CST", "Tuesday 1 December 2026, 13:59:03 China Standard Time (Asia/Shanghai)"],
  [WINTER, "Asia/Singapore", "13:59 SGT", "1 Dec 2026, 13:59 SGT", "Tuesday 1 December 2026, 13:59:03 Singapore Standard Time (Asia/Singapore)"],
  [WINTER, "Asia/Bangkok", "12:59 ICT", "1 Dec 2026, 12:59 ICT", "Tuesday 1 December 2026, 12:59:03 Indochina Time (Asia/Bangkok)"],
  [WINTER, "Asia/Jakarta", "12:59 WIB", "1 Dec 2026, 12:59 WIB", "Tuesday 1 December 2026, 12:59:03 Western Indonesia Time (Asia/Jakarta)"],
  [WINTER, "Asia/Manila", "13:59 PHT", "1 Dec 2026, 13:59 PHT", "Tuesday 1 December 2026, 13:59:03 Philippine Standard Time (Asia/Manila)"],
  [WINTER, "Asia/Kuala_Lumpur", "13:59 MYT", "1 Dec 2026, 13:59 MYT", "Tuesday 1 December 2026, 13:59:03 Malaysia Time (Asia/Kuala_Lumpur)"],
  // Both spellings of Viet Nam's zone, each shown as given (engines disagree on which is canonical).
  [WINTER, "Asia/Ho_Chi_Minh", "12:59 ICT", "1 Dec 2026, 12:59 ICT", "Tuesday 1 December 2026, 12:59:03 Indochina Time (Asia/Ho_Chi_Minh)"],
  [WINTER, "Asia/Saigon", "12:59 ICT", "1 Dec 2026, 12:59 ICT", "Tuesday 1 December 2026, 12:59:03 Indochina Time (Asia/Saigon)"],
  [WINTER, "UTC", "05:59 UTC", "1 Dec 2026, 05:59 UTC", "Tuesday 1 December 2026, 05:59:03 Coordinated Universal Time (UTC)"],
  [WINTER, "Etc/UTC", "05:59 UTC", "1 Dec 2026, 05:59 UTC", "Tuesday 1 December 2026, 05:59:03 Coordinated Universal Time (Etc/UTC)"],
  // Zones with summer time: the abbreviation and the long name follow the date.
  [WINTER, "Europe/Berlin", "06:59 CET", "1 Dec 2026, 06:59 CET", "Tuesday 1 December 2026, 06:59:03 Central European Standard Time (Europe/Berlin)"],
  [SUMMER, "Europe/Berlin", "14:00 CEST", "1 Jul 2026, 14:00 CEST", "Wednesday 1 July 2026, 14:00:00 Central European Summer Time (Europe/Berlin)"],
  [WINTER, "Europe/London", "05:59 GMT", "1 Dec 2026, 05:59 GMT", "Tuesday 1 December 2026, 05:59:03 Greenwich Mean Time (Europe/London)"],
  [SUMMER, "Europe/London", "13:00 BST", "1 Jul 2026, 13:00 BST", "Wednesday 1 July 2026, 13:00:00 British Summer Time (Europe/London)"],
  [WINTER, "America/New_York", "00:59 EST", "1 Dec 2026, 00:59 EST", "Tuesday 1 December 2026, 00:59:03 Eastern Standard Time (America/New_York)"],
  [SUMMER, "America/New_York", "08:00 EDT", "1 Jul 2026, 08:00 EDT", "Wednesday 1 July 2026, 08:00:00 Eastern Daylight Time (America/New_York)"],
  [WINTER, "Asia/Kolkata", "11:29 IST", "1 Dec 2026, 11:29 IST", "Tuesday 1 December 2026, 11:29:03 India Standard Time (Asia/Kolkata)"],
  // Berlin's spring change: the last second of winter time, then an hour skipped.
  ["2026-03-29T00:59:59Z", "Europe/Berlin", "01:59 CET", "29 Mar 2026, 01:59 CET", "Sunday 29 March 2026, 01:59:59 Central European Standard Time (Europe/Berlin)"],
  ["2026-03-29T01:00:00Z", "Europe/Berlin", "03:00 CEST", "29 Mar 2026, 03:00 CEST", "Sunday 29 March 2026, 03:00:00 Central European Summer Time (Europe/Berlin)"],
  // The day, month and year follow the zone, not UTC.
  ["2026-12-31T20:30:00Z", "Asia/Tokyo", "05:30 JST", "1 Jan 2027, 05:30 JST", "Friday 1 January 2027, 05:30:00 Japan Standard Time (Asia/Tokyo)"],
  ["2026-12-01T15:00:00Z", "Asia/Tokyo", "00:00 JST", "2 Dec 2026, 00:00 JST", "Wednesday 2 December 2026, 00:00:00 Japan Standard Time (Asia/Tokyo)"],
  ["2026-09-15T00:00:00Z", "UTC", "00:00 UTC", "15 Sep 2026, 00:00 UTC", "Tuesday 15 September 2026, 00:00:00 Coordinated Universal Time (UTC)"],
  // Times are cut, not rounded: 14:59:03.999 is still 14:59 and :03.
  ["2026-12-01T05:59:03.999Z", "Asia/Tokyo", "14:59 JST", "1 Dec 2026, 14:59 JST", "Tuesday 1 December 2026, 14:59:03 Japan Standard Time (Asia/Tokyo)"],
  ["1969-12-31T23:59:59.500Z", "UTC", "23:59 UTC", "31 Dec 1969, 23:59 UTC", "Wednesday 31 December 1969, 23:59:59 Coordinated Universal Time (UTC)"],
  // Singapore was 7½ hours ahead before 1982: not SGT then, so Intl's offset name stands.
  ["1980-01-01T00:00:00Z", "Asia/Singapore", "07:30 GMT+7:30", "1 Jan 1980, 07:30 GMT+7:30", "Tuesday 1 January 1980, 07:30:00 Singapore Standard Time (Asia/Singapore)"],
  // A zone nobody names by letters keeps Intl's offset name.
  [WINTER, "Etc/GMT-9", "14:59 GMT+9", "1 Dec 2026, 14:59 GMT+9", "Tuesday 1 December 2026, 14:59:03 GMT+09:00 (Etc/GMT-9)"],
  // Letter case is corrected.
  [WINTER, "asia/tokyo", "14:59 JST", "1 Dec 2026, 14:59 JST", "Tuesday 1 December 2026, 14:59:03 Japan Standard Time (Asia/Tokyo)"],
];

const FORMATS: TimeFormat[] = ["time", "date-time", "full"];

describe("formatInstant", () => {
  it.each(rows)("%s in %s → %s", (at, zone, ...expected) => {
    FORMATS.forEach((format, i) => expect(formatInstant(at, zone, format)).toBe(expected[i]));
  });

  // Unknown, malformed or hostile zones fall back to UTC, still labelled, and never throw.
  it.each(["Mars/Olympus_Mons", "", "Asia/Tokio", "+09:00", "GMT+9:00", "Asia/Tokyo\n", "../../etc/passwd", "Asia/Tokyo; DROP TABLE", "x".repeat(500)])(
    "invalid zone %j → UTC",
    (zone) => {
      expect(formatInstant(WINTER, zone, "time")).toBe("05:59 UTC");
      expect(formatInstant(WINTER, zone, "date-time")).toBe("1 Dec 2026, 05:59 UTC");
      expect(formatInstant(WINTER, zone, "full")).toBe("Tuesday 1 December 2026, 05:59:03 Coordinated Universal Time (UTC)");
    },
  );

  it("takes a Date, an ISO string or epoch milliseconds alike", () => {
    const ms = Date.parse(WINTER);
    for (const at of [new Date(ms), WINTER, ms, "2026-12-01T14:59:03+09:00"]) expect(formatInstant(at, "Asia/Tokyo", "date-time")).toBe("1 Dec 2026, 14:59 JST");
  });

  it("says so for an instant that does not parse, in every format", () => {
    for (const format of FORMATS) {
      expect(formatInstant("not a date", "Asia/Tokyo", format)).toBe(UNKNOWN_TIME);
      expect(formatInstant(new Date(Number.NaN), "Asia/Tokyo", format)).toBe(UNKNOWN_TIME);
    }
  });

  describe("does not depend on the process's own zone", () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    it.each(["America/Los_Angeles", "Asia/Tokyo", "Pacific/Kiritimati", "UTC"])("TZ=%s", (tz) => {
      process.env.TZ = tz;
      expect(formatInstant(WINTER, "Asia/Seoul", "full")).toBe("Tuesday 1 December 2026, 14:59:03 Korea Standard Time (Asia/Seoul)");
      expect(formatInstant(SUMMER, "Europe/Berlin", "date-time")).toBe("1 Jul 2026, 14:00 CEST");
    });
  });
});

describe("zones", () => {
  it.each([
    ["Asia/Tokyo", true, "Asia/Tokyo"],
    ["asia/TOKYO", true, "Asia/Tokyo"],
    ["Europe/Berlin", true, "Europe/Berlin"],
    ["UTC", true, "UTC"],
    ["Mars/Olympus_Mons", false, "UTC"],
    ["+09:00", false, "UTC"],
    ["", false, "UTC"],
    [null, false, "UTC"],
    [undefined, false, "UTC"],
    [540, false, "UTC"],
  ] as const)("%j valid %s → %s", (zone, isValid, normalized) => {
    expect(isValidTimeZone(zone)).toBe(isValid);
    expect(normalizeTimeZone(zone)).toBe(normalized);
  });

  it("names the zone at the instant", () => {
    expect(zoneAbbreviation(WINTER, "Asia/Tokyo")).toBe("JST");
    expect(zoneAbbreviation(WINTER, "Europe/Berlin")).toBe("CET");
    expect(zoneAbbreviation(SUMMER, "Europe/Berlin")).toBe("CEST");
    expect(zoneAbbreviation(SUMMER, "nowhere")).toBe("UTC");
  });

  it("toInstant copies a Date and rejects what is not an instant", () => {
    const d = new Date(WINTER);
    const copy = toInstant(d);
    expect(copy).not.toBe(d);
    expect(copy?.getTime()).toBe(d.getTime());
    expect(toInstant("yesterday")).toBeNull();
  });
});

describe("isSameLocalDay", () => {
  it.each([
    ["2026-12-01T05:00:00Z", "2026-12-01T14:00:00Z", "UTC", true],
    // 14:00 and 15:30 UTC are the same day in London, but 23:00 and 00:30 the next day in Tokyo.
    ["2026-12-01T14:00:00Z", "2026-12-01T15:30:00Z", "Europe/London", true],
    ["2026-12-01T14:00:00Z", "2026-12-01T15:30:00Z", "Asia/Tokyo", false],
    ["2026-12-01T14:00:00Z", "2026-12-01T15:30:00Z", "not/a-zone", true],
    ["2026-12-01T14:00:00Z", "2027-12-01T14:00:00Z", "UTC", false],
    ["2026-12-01T14:00:00Z", "not a date", "UTC", false],
  ] as const)("%s and %s in %s → %s", (a, b, zone, expected) => {
    expect(isSameLocalDay(a, b, zone)).toBe(expected);
  });
});

describe("formatInstant in the other interface languages", () => {
  const at = "2026-12-01T05:59:03Z";
  it.each([
    ["ja", "time", "14:59 JST"],
    ["ja", "date-time", "2026年12月1日 14:59 JST"],
    ["ja", "full", "2026年12月1日 (火) 14:59:03 JST (Asia/Tokyo)"],
    ["zh-CN", "date-time", "2026年12月1日 14:59 JST"],
    ["zh-CN", "full", "2026年12月1日 星期二 14:59:03 JST (Asia/Tokyo)"],
    ["ko", "date-time", "2026년 12월 1일 14:59 JST"],
    ["ko", "full", "2026년 12월 1일 (화) 14:59:03 JST (Asia/Tokyo)"],
    ["en", "date-time", "1 Dec 2026, 14:59 JST"],
    ["fr", "date-time", "1 Dec 2026, 14:59 JST"],
  ] as const)("%s %s → %s", (locale, format, expected) => {
    expect(formatInstant(at, "Asia/Tokyo", format, locale)).toBe(expected);
  });
});
