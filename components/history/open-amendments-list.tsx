// "Amendments open at this version": what was on the table beside the text when the version was
// cut (stored with the version, so it reads as it did then). Shown only when there were some.
import type { OpenAmendmentRecord } from "@/lib/domain/amendments";

/** Long passages are cut for the list; the amendment itself is on the proposal's page. */
const SHOWN_CHARS = 160;

/** Cut by characters, never inside one (an emoji or a rare CJK character is two UTF-16 units). */
function clip(text: string): string {
  const chars = Array.from(text);
  return chars.length > SHOWN_CHARS ? `${chars.slice(0, SHOWN_CHARS).join("")}…` : text;
}

export function OpenAmendmentsList({ amendments }: { amendments: readonly OpenAmendmentRecord[] }) {
  if (amendments.length === 0) return null;
  return (
    <section aria-labelledby="open-amendments-heading" className="rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm">
      <h2 id="open-amendments-heading" className="font-medium text-slate-500">
        Amendments open at this version
      </h2>
      <ul className="mt-3 space-y-3">
        {amendments.map((a) => (
          <li key={a.id} className="space-y-1">
            <p className="font-medium text-slate-800">
              {a.delegation ? `${a.delegation.name} (${a.delegation.code})` : "The chair"}
              <span className="font-normal text-slate-500"> · {a.author}</span>
            </p>
            <p className="text-slate-700">
              {a.passage ? (
                <>
                  Replace “<del className="text-rose-800">{clip(a.passage)}</del>” with “<ins className="text-emerald-800 no-underline">{clip(a.insert)}</ins>”
                </>
              ) : (
                <>
                  Insert “<ins className="text-emerald-800 no-underline">{clip(a.insert)}</ins>”
                </>
              )}
            </p>
            {a.reason && <p className="text-slate-600">Reason: {clip(a.reason)}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
