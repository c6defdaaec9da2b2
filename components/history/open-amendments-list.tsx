// "Amendments open at this version": what was on the table beside the text when the version was
// cut (stored with the version, so it reads as it did then). Shown only when there were some.
import { useTranslations } from "next-intl";
import type { OpenAmendmentRecord } from "@/lib/domain/amendments";

/** Long passages are cut for the list; the amendment itself is on the proposal's page. */
const SHOWN_CHARS = 160;

/** Cut by characters, never inside one (an emoji or a rare CJK character is two UTF-16 units). */
function clip(text: string): string {
  const chars = Array.from(text);
  return chars.length > SHOWN_CHARS ? `${chars.slice(0, SHOWN_CHARS).join("")}…` : text;
}

export function OpenAmendmentsList({ amendments }: { amendments: readonly OpenAmendmentRecord[] }) {
  const t = useTranslations("history");
  if (amendments.length === 0) return null;
  const del = (chunks: React.ReactNode) => <del className="text-rose-800">{chunks}</del>;
  const ins = (chunks: React.ReactNode) => <ins className="text-emerald-800 no-underline">{chunks}</ins>;
  return (
    <section aria-labelledby="open-amendments-heading" className="rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm">
      <h2 id="open-amendments-heading" className="font-medium text-slate-500">
        {t("openAmendments.heading")}
      </h2>
      <ul className="mt-3 space-y-3">
        {amendments.map((a) => (
          <li key={a.id} className="space-y-1">
            <p className="font-medium text-slate-800">
              {a.delegation ? `${a.delegation.name} (${a.delegation.code})` : t("openAmendments.chair")}
              <span className="font-normal text-slate-500"> · {a.author}</span>
            </p>
            <p className="text-slate-700">
              {a.passage
                ? t.rich("openAmendments.replace", { passage: clip(a.passage), insert: clip(a.insert), del, ins })
                : t.rich("openAmendments.insert", { insert: clip(a.insert), ins })}
            </p>
            {a.reason && <p className="text-slate-600">{t("openAmendments.reason", { reason: clip(a.reason) })}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
