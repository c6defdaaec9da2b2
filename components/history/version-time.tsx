import { format } from "date-fns";

// One date format across the history pages; the machine-readable instant rides along.
export function VersionTime({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} className={className}>
      {format(new Date(iso), "d MMM yyyy, HH:mm")}
    </time>
  );
}
