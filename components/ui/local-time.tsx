// An absolute time, written in the viewer's zone and saying which: "14:59 JST" or
// "1 Dec 2026, 14:59 JST". The full form ("Tuesday 1 December 2026, 14:59:03 Japan Standard Time
// (Asia/Tokyo)") is the hover title and replaces the short text on paper, so a printed record
// is unambiguous. The zone is always passed in (server pages: viewerTimeZone(); client
// components: useViewerZone()), so the server's render and the browser's agree, and neither
// machine's own zone ever leaks in. Its one hook (the interface language) works in server and
// client components alike.
import { useLocale } from "next-intl";
import { formatInstant, toInstant, UNKNOWN_TIME, type TimeInput } from "@/lib/time/time-format";

type Props = {
  at: TimeInput;
  /** IANA zone of the viewer; an unknown one reads as UTC (labelled as such). */
  zone: string;
  format?: "time" | "date-time";
  className?: string;
};

export function LocalTime({ at, zone, format = "date-time", className }: Props) {
  const locale = useLocale();
  const instant = toInstant(at);
  if (!instant) return <span className={className}>{UNKNOWN_TIME}</span>;
  const full = formatInstant(instant, zone, "full", locale);
  return (
    // In print the short text gives way to the title's full form (CSS, not a second text node,
    // so the element's text and accessible name stay the short form).
    <time dateTime={instant.toISOString()} title={full} className={`print:after:content-[attr(title)] ${className ?? ""}`.trim()}>
      <span className="print:hidden">{formatInstant(instant, zone, format, locale)}</span>
    </time>
  );
}
