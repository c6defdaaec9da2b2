// Whether a string names an IANA time zone (a workshop's venue), and the zones a form offers.
// Pure: Intl is the runtime's own table, no I/O.

/**
 * The runtime's list omits "UTC" (Node 20, Chromium) and lists some zones under their older
 * names (Asia/Calcutta, not Asia/Kolkata); both spellings are accepted below.
 */
const NAME = /^(?:UTC|[A-Z][A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;

/**
 * An IANA zone name as tzdb spells it ("Europe/Berlin", "America/Argentina/Buenos_Aires",
 * "UTC") that this runtime can format times in. Intl alone would also take "utc", "+01:00" or
 * "EST5EDT"-style names; the pattern keeps those out.
 */
export function isIanaZone(zone: string): boolean {
  if (!NAME.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zones a form offers: UTC first, then the runtime's list; `current` is kept if it is not in it. */
export function ianaZoneOptions(current?: string): string[] {
  const zones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC" && isIanaZone(z))];
  if (current && !zones.includes(current) && isIanaZone(current)) zones.splice(1, 0, current);
  return zones;
}
