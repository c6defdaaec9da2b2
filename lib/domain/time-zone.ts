// IANA time zones as the runtime knows them (Intl: no I/O): which names a person's or a venue's
// zone may be, and the list the forms offer. Shared by the account and workshop forms and the
// server, which accepts only what it can format times in.

/** The zone used when none is known: the signed-out, and accounts whose browser did not say. */
export const DEFAULT_TIME_ZONE = "UTC";

/** Longest IANA name is ~32 characters ("America/Argentina/ComodRivadavia"). */
const MAX_ZONE_LENGTH = 64;

/**
 * The zone's canonical name, or null when it is not a time zone this runtime can format in.
 * Aliases become the runtime's name for them ("Etc/UTC" → "UTC", "US/Eastern" → "America/New_York").
 */
export function normalizeTimeZone(input: string): string | null {
  const zone = input.trim();
  if (zone.length === 0 || zone.length > MAX_ZONE_LENGTH) return null;
  // Offsets ("+05:00") are accepted by Intl but are not zones: they ignore daylight saving.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Every zone a person can pick, sorted, with UTC first (Intl's list leaves it out). */
export function timeZoneChoices(current?: string | null): string[] {
  const zones = Intl.supportedValuesOf("timeZone").filter((z) => z !== DEFAULT_TIME_ZONE);
  const list = [DEFAULT_TIME_ZONE, ...zones];
  if (current && !list.includes(current)) list.push(current);
  return list;
}

/**
 * An IANA zone name as tzdb spells it ("Europe/Berlin", "America/Argentina/Buenos_Aires",
 * "UTC") that this runtime can format times in — a workshop's venue is stored as written. Intl
 * alone would also take "utc", "+01:00" or "EST5EDT"-style names; the pattern keeps those out.
 * The runtime lists some zones under older names (Asia/Calcutta): both spellings pass.
 */
const TZDB_NAME = /^(?:UTC|[A-Z][A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;

export function isIanaZone(zone: string): boolean {
  return TZDB_NAME.test(zone) && normalizeTimeZone(zone) !== null;
}
