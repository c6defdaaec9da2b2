import { useTranslations } from "next-intl";

const STATE_STYLE: Record<string, string> = {
  DRAFTING: "bg-sky-50 text-sky-800 ring-sky-200",
  LOCKED: "bg-amber-50 text-amber-800 ring-amber-200",
  VOTING: "bg-violet-50 text-violet-800 ring-violet-200",
  ADOPTED: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  WITHDRAWN: "bg-slate-100 text-slate-600 ring-slate-200",
};

export function StateBadge({ state }: { state: string }) {
  const t = useTranslations("ui.badges");
  const className = STATE_STYLE[state] ?? "bg-slate-100 text-slate-700 ring-slate-200";
  const label = t.has(`state.${state}`) ? t(`state.${state}`) : state;
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${className}`}>{label}</span>;
}

/** A translator of the `ui` namespace (useTranslations("ui") / await getTranslations("ui")). */
export type UiTranslator = (key: string) => string;

const ROLES = new Set(["MODERATOR", "DELEGATE", "OBSERVER"]);

/** A role's name ("Chair", "Delegate", "Observer") in the language of `t`, the `ui` namespace's translator. */
export function roleLabel(role: string, t: UiTranslator): string {
  return ROLES.has(role) ? t(`badges.role.${role}`) : role;
}

export function RoleBadge({ role }: { role: string }) {
  const t = useTranslations("ui");
  return <span className="inline-flex items-center rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700">{roleLabel(role, t)}</span>;
}

/** A delegation's colour, name and code: the same everywhere it appears. */
export function DelegationChip({ name, code, colour }: { name: string; code?: string; colour: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full border border-slate-200 bg-white px-2.5 py-0.5 text-sm">
      <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: colour }} />
      <span className="font-medium" style={{ color: colour }}>
        {name}
      </span>
      {code && <span className="text-xs text-slate-500">{code}</span>}
    </span>
  );
}
