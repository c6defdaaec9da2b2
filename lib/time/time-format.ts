// Every absolute time the app shows, written in the viewer's IANA zone and always labelled with
// it: "14:59 JST", "1 Dec 2026, 14:59 JST", and in full for hover and print "Tuesday 1 December
// 2026, 14:59:03 Japan Standard Time (Asia/Tokyo)".
//
// Deterministic: the zone is always passed in, never taken from the process (TZ) or the
// browser; Intl is asked only for the wall-clock numbers in that zone (and for the names of
// zones outside ZONE_NAMES), and the words are ours, so the server's render and the browser's
// hydration produce the same text. An unknown or malformed zone falls back to UTC (still
// labelled, so nobody mistakes it for local time); nothing here throws.
import { ZONE_NAMES } from "./zone-names.ts";

export const DEFAULT_TIME_ZONE = "UTC";

export type TimeInput = Date | string | number;
export type TimeFormat = "time" | "date-time" | "full";

/** What is shown for an instant that does not parse (never expected from the database). */
export const UNKNOWN_TIME = "—";

// Letters, digits, "_", "-", "+" and "/" — the IANA alphabet ("Etc/GMT+9", "America/Port-au-Prince").
// Rejects offsets such as "+09:00", which newer engines accept as zones and older ones do not.
const IANA_SHAPE = /^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/;
/** Longer than any IANA name; a longer string is not worth asking Intl about. */
const MAX_ZONE_LENGTH = 64;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
// Fixed three letters ("Sep", never ICU's newer en-GB "Sept"), so every engine writes the same.
const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));

// The English locales tried, in order, for a zone outside ZONE_NAMES: the first that names it
// by something other than an offset wins (en-US: EST/PDT; en-GB: BST, CET/CEST; en-AU: AEST;
// en-IN: IST). If none does, en-US's "GMT+9" form stands.
const NAME_LOCALES = ["en-US", "en-GB", "en-AU", "en-IN"] as const;
const OFFSET_NAME = /^(GMT|UTC)[+\-\u2212]/;

// Formatters are costly to build and a page formats many instants in one zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

const resolvedZones = new Map<string, string>();

/**
 * The zone as it should be used and shown, or null when it is not a zone this engine knows.
 * Spelling is kept as given (only its letter case is corrected), because engines disagree on
 * which of two linked names is canonical (Node 20 turns Asia/Ho_Chi_Minh into Asia/Saigon).
 */
function resolveZone(zone: unknown): string | null {
  if (typeof zone !== "string" || zone.length > MAX_ZONE_LENGTH || !IANA_SHAPE.test(zone)) return null;
  const known = resolvedZones.get(zone);
  if (known) return known;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
    const name = resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
    // Only valid zones are remembered: the map stays bounded by the IANA list.
    resolvedZones.set(zone, name);
    return name;
  } catch {
    return null;
  }
}

/** Whether `zone` is an IANA time zone this engine knows. */
export function isValidTimeZone(zone: unknown): zone is string {
  return resolveZone(zone) !== null;
}

/** The zone to format in: `zone` if valid (letter case corrected), otherwise UTC. */
export function normalizeTimeZone(zone: unknown): string {
  return resolveZone(zone) ?? DEFAULT_TIME_ZONE;
}

/** A Date for the input, or null when it does not denote an instant. */
export function toInstant(at: TimeInput): Date | null {
  const d = at instanceof Date ? new Date(at.getTime()) : new Date(at);
  return Number.isNaN(d.getTime()) ? null : d;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number; offsetMinutes: number };

function wallClock(instant: Date, zone: string): WallClock {
  const f = formatter(`parts|${zone}`, () =>
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    }),
  );
  const n: Record<string, number> = {};
  for (const p of f.formatToParts(instant)) if (p.type !== "literal") n[p.type] = Number(p.value);
  const year = n.year ?? 1970;
  const month = n.month ?? 1;
  const day = n.day ?? 1;
  // Some engines once wrote midnight as 24 even with h23.
  const hour = (n.hour ?? 0) % 24;
  const minute = n.minute ?? 0;
  const second = n.second ?? 0;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const ms = instant.getTime();
  const wholeSeconds = ms - (((ms % 1000) + 1000) % 1000);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    weekday: new Date(asUtc).getUTCDay(),
    offsetMinutes: Math.round((asUtc - wholeSeconds) / 60_000),
  };
}

function intlZoneName(instant: Date, zone: string, style: "short" | "long", locale: string): string | null {
  const f = formatter(`${style}|${locale}|${zone}`, () => new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style }));
  return f.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? null;
}

function tableEntry(zone: string, offsetMinutes: number) {
  const entry = ZONE_NAMES[zone];
  return entry && entry.offsetMinutes === offsetMinutes ? entry : null;
}

function shortZoneName(instant: Date, zone: string, offsetMinutes: number): string {
  const entry = tableEntry(zone, offsetMinutes);
  if (entry) return entry.abbreviation;
  let fallback: string | null = null;
  for (const locale of NAME_LOCALES) {
    const name = intlZoneName(instant, zone, "short", locale);
    if (name && !OFFSET_NAME.test(name)) return name;
    fallback ??= name;
  }
  return fallback ?? zone;
}

function longZoneName(instant: Date, zone: string, offsetMinutes: number): string {
  return tableEntry(zone, offsetMinutes)?.long ?? intlZoneName(instant, zone, "long", "en-US") ?? zone;
}

/** The zone's abbreviation at that instant ("JST", "CEST", "BST", else Intl's "GMT+5"). */
export function zoneAbbreviation(at: TimeInput, zone: string): string {
  const instant = toInstant(at);
  const z = normalizeTimeZone(zone);
  if (!instant) return z;
  return shortZoneName(instant, z, wallClock(instant, z).offsetMinutes);
}

const two = (n: number) => String(n).padStart(2, "0");

// The other interface languages write dates with numbers and their own counters, in a fixed
// pattern (not Intl's, whose wording differs between ICU versions: the server's render and the
// browser's hydration must agree). The zone keeps its abbreviation ("JST"), which every reader
// of these languages knows, and its IANA name in the full form.
const CJK_DATES: Record<string, { date: (w: WallClock) => string; weekdays: readonly string[]; weekday: (d: string) => string }> = {
  ja: { date: (w) => `${w.year}年${w.month}月${w.day}日`, weekdays: ["日", "月", "火", "水", "木", "金", "土"], weekday: (d) => `(${d})` },
  "zh-CN": { date: (w) => `${w.year}年${w.month}月${w.day}日`, weekdays: ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"], weekday: (d) => d },
  ko: { date: (w) => `${w.year}년 ${w.month}월 ${w.day}일`, weekdays: ["일", "월", "화", "수", "목", "금", "토"], weekday: (d) => `(${d})` },
};

/**
 * `at` written in `zone` (UTC if the zone is unknown), labelled with the zone, in the interface
 * language `locale` ("en" unless given; an unknown one writes English). Never throws.
 */
export function formatInstant(at: TimeInput, zone: string, format: TimeFormat, locale = "en"): string {
  const instant = toInstant(at);
  if (!instant) return UNKNOWN_TIME;
  const z = normalizeTimeZone(zone);
  const w = wallClock(instant, z);
  const hm = `${two(w.hour)}:${two(w.minute)}`;
  const cjk = CJK_DATES[locale];
  if (cjk) {
    const abbreviation = shortZoneName(instant, z, w.offsetMinutes);
    switch (format) {
      case "time":
        return `${hm} ${abbreviation}`;
      case "date-time":
        return `${cjk.date(w)} ${hm} ${abbreviation}`;
      case "full":
        return `${cjk.date(w)} ${cjk.weekday(cjk.weekdays[w.weekday]!)} ${hm}:${two(w.second)} ${abbreviation} (${z})`;
    }
  }
  switch (format) {
    case "time":
      return `${hm} ${shortZoneName(instant, z, w.offsetMinutes)}`;
    case "date-time":
      return `${w.day} ${SHORT_MONTHS[w.month - 1]} ${w.year}, ${hm} ${shortZoneName(instant, z, w.offsetMinutes)}`;
    case "full": {
      const long = longZoneName(instant, z, w.offsetMinutes);
      return `${WEEKDAYS[w.weekday]} ${w.day} ${MONTHS[w.month - 1]} ${w.year}, ${hm}:${two(w.second)} ${long} (${z})`;
    }
  }
}

/**
 * Whether both instants fall on the same calendar day in `zone` (so the second needs only its
 * time: "opened 1 Dec 2026, 14:02 JST · closed 14:40 JST"). False if either does not parse.
 */
export function isSameLocalDay(a: TimeInput, b: TimeInput, zone: string): boolean {
  const x = toInstant(a);
  const y = toInstant(b);
  if (!x || !y) return false;
  const z = normalizeTimeZone(zone);
  const [p, q] = [wallClock(x, z), wallClock(y, z)];
  return p.year === q.year && p.month === q.month && p.day === q.day;
}

/** "14:59 JST" */
export const formatTime = (at: TimeInput, zone: string) => formatInstant(at, zone, "time");
/** "1 Dec 2026, 14:59 JST" */
export const formatDateTime = (at: TimeInput, zone: string) => formatInstant(at, zone, "date-time");
/** "Tuesday 1 December 2026, 14:59:03 Japan Standard Time (Asia/Tokyo)" */
export const formatFull = (at: TimeInput, zone: string) => formatInstant(at, zone, "full");
