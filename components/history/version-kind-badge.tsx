// How a version came to be, in words a delegate uses. Quiet colours: the label and number are
// what people read; the kind is a hint.
import type { VersionKind } from "@/lib/domain/vocabulary";

const KIND_STYLE: Record<VersionKind, { label: string; className: string }> = {
  AUTO: { label: "Automatic", className: "bg-slate-100 text-slate-700 ring-slate-200" },
  NAMED: { label: "Named", className: "bg-sky-50 text-sky-800 ring-sky-200" },
  VOTE: { label: "Vote", className: "bg-violet-50 text-violet-800 ring-violet-200" },
  RESTORE: { label: "Restore", className: "bg-amber-50 text-amber-800 ring-amber-200" },
};

export function versionKindLabel(kind: string): string {
  return KIND_STYLE[kind as VersionKind]?.label ?? kind;
}

export function VersionKindBadge({ kind }: { kind: string }) {
  const s = KIND_STYLE[kind as VersionKind] ?? { label: kind, className: "bg-slate-100 text-slate-700 ring-slate-200" };
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${s.className}`}>{s.label}</span>;
}
