const STATE_STYLE: Record<string, { label: string; className: string }> = {
  DRAFTING: { label: "Drafting", className: "bg-sky-50 text-sky-800 ring-sky-200" },
  LOCKED: { label: "Locked", className: "bg-amber-50 text-amber-800 ring-amber-200" },
  VOTING: { label: "Voting", className: "bg-violet-50 text-violet-800 ring-violet-200" },
  ADOPTED: { label: "Adopted", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  WITHDRAWN: { label: "Withdrawn", className: "bg-slate-100 text-slate-600 ring-slate-200" },
};

export function StateBadge({ state }: { state: string }) {
  const s = STATE_STYLE[state] ?? { label: state, className: "bg-slate-100 text-slate-700 ring-slate-200" };
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${s.className}`}>{s.label}</span>;
}

const ROLE_LABEL: Record<string, string> = { MODERATOR: "Chair", DELEGATE: "Delegate", OBSERVER: "Observer" };

export function roleLabel(role: string): string {
  return ROLE_LABEL[role] ?? role;
}

export function RoleBadge({ role }: { role: string }) {
  return <span className="inline-flex items-center rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700">{roleLabel(role)}</span>;
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
