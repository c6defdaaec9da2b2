// The date an export prints in its header ("1 December 2026 at 14:30"), in the workshop's time
// zone. Shared by the Word and PDF renderers so both say the same thing.

const formatters = new Map<string, Intl.DateTimeFormat>();
const UTC_ENGLISH = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

function formatterFor(timeZone: string, locale: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone });
    } catch {
      // An unknown or malformed zone (or language): print in UTC and English rather than fail the export.
      f = UTC_ENGLISH;
    }
    formatters.set(key, f);
  }
  return f;
}

/**
 * `iso` formatted in `timeZone` (long date, short time) in the reader's language (`locale`: an
 * interface language; English is written en-GB); an invalid zone falls back to UTC.
 */
export function formatExportDate(iso: string, timeZone: string, locale = "en"): string {
  const date = new Date(iso);
  // An unparseable timestamp is printed as given rather than throwing (Intl throws on NaN dates).
  if (Number.isNaN(date.getTime())) return iso;
  return formatterFor(timeZone || "UTC", locale === "en" ? "en-GB" : locale).format(date);
}
