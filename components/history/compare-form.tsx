// Which two versions to compare: a plain GET form, so the choice is a shareable URL and works
// before any script has loaded.
import { useTranslations } from "next-intl";
import { buttonPrimary } from "@/components/ui/field";
import type { DiffLayout } from "./diff-view";
import { versionTitle, type TitledVersion } from "./version-title";

type Option = TitledVersion;
type Props = { action: string; options: readonly Option[]; from: number; to: number; layout: DiffLayout };

const SELECT = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-sky-600";

export function CompareForm({ action, options, from, to, layout }: Props) {
  const t = useTranslations("history");
  return (
    <form method="get" action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
      <VersionSelect id="compare-from" name="from" label={t("compareForm.from")} options={options} value={from} />
      <VersionSelect id="compare-to" name="to" label={t("compareForm.to")} options={options} value={to} />
      {layout !== "inline" && <input type="hidden" name="layout" value={layout} />}
      <button type="submit" className={buttonPrimary}>
        {t("compareForm.submit")}
      </button>
    </form>
  );
}

function VersionSelect({ id, name, label, options, value }: { id: string; name: string; label: string; options: readonly Option[]; value: number }) {
  const t = useTranslations("history");
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {/* Keyed by value: a new comparison re-renders the form with the new choice selected. */}
      <select key={value} id={id} name={name} defaultValue={String(value)} className={SELECT}>
        {options.map((o) => (
          <option key={o.number} value={o.number}>
            {versionTitle(o, t)}
          </option>
        ))}
      </select>
    </div>
  );
}
