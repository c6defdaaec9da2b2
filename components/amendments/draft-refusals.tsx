"use client";
// An amendment the server refused for good (drafting locked meanwhile, too many open
// amendments, its passage deleted…): said at once, naming the refused text, until dismissed —
// so nothing typed is lost without a word.
import type { DraftRefusal } from "@/lib/realtime/amendment-drafts";
import { describeAmendment } from "./amendment-words";

export function refusalWords(r: DraftRefusal): string {
  const what = describeAmendment(r.passage, r.insert);
  return `Your amendment (${what.charAt(0).toLowerCase()}${what.slice(1)}) was not accepted: ${r.message.replace(/\.?$/, ".")}`;
}

export function DraftRefusals({ refusals, onDismiss }: { refusals: readonly DraftRefusal[]; onDismiss: (key: string) => void }) {
  if (refusals.length === 0) return null;
  return (
    <div className="space-y-2 print:hidden">
      {refusals.map((r) => (
        <div key={r.key} role="alert" className="flex items-start justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p>{refusalWords(r)}</p>
          <button type="button" onClick={() => onDismiss(r.key)} className="shrink-0 rounded px-2 font-medium underline hover:bg-amber-100">
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
