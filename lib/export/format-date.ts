// The date an export prints in its header ("1 December 2026 at 14:30"), in the workshop's time
// zone. Shared by the Word and PDF renderers so both say the same thing.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone });
    } catch {
      // An unknown or malformed zone: print the time in UTC rather than fail the export.
      f = formatterFor("UTC");
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** `iso` formatted in `timeZone` ("en-GB", long date, short time); an invalid zone falls back to UTC. */
export function formatExportDate(iso: string, timeZone: string): string {
  const date = new Date(iso);
  // An unparseable timestamp is printed as given rather than throwing (Intl throws on NaN dates).
  if (Number.isNaN(date.getTime())) return iso;
  return formatterFor(timeZone || "UTC").format(date);
}
