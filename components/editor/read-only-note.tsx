"use client";
// Why this person cannot edit the text now (an observer, a locked text…), beside the editor or
// in its place while it loads.
import type { ServerError } from "@/components/i18n/use-error-text";
import { useReadOnlyReason } from "./read-only-reason";

export function ReadOnlyNote({ reason, error }: { reason: string; error?: ServerError | null }) {
  const words = useReadOnlyReason();
  return (
    <p role="status" className="flex items-center gap-2 rounded-md border print:hidden border-slate-200 bg-slate-100 px-3 py-2 text-sm text-slate-700">
      <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 shrink-0 fill-slate-500">
        <path d="M10 2a4 4 0 0 0-4 4v2H5a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V9a1 1 0 0 0-1-1h-1V6a4 4 0 0 0-4-4Zm-2 6V6a2 2 0 1 1 4 0v2H8Z" />
      </svg>
      {words(reason, error)}
    </p>
  );
}
