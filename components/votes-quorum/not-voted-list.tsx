// Who has not voted yet, for the chair's close dialog (names from lib/domain/not-voted.ts's
// delegationsNotVoted). Saying "everyone has voted" outright spares the chair counting.
import { useTranslations } from "next-intl";
import { useId } from "react";

export function NotVotedList({ names }: { names: readonly string[] }) {
  const t = useTranslations("votes.notVoted");
  const headingId = useId();
  if (names.length === 0) return <p className="text-sm text-slate-700">{t("everyone")}</p>;
  return (
    <div className="text-sm text-slate-700">
      <p id={headingId} className="font-medium">
        {t("heading", { count: names.length })}
      </p>
      <ul aria-labelledby={headingId} className="mt-1 list-disc pl-5">
        {names.map((name, i) => (
          <li key={`${i}-${name}`}>{name}</li>
        ))}
      </ul>
    </div>
  );
}
