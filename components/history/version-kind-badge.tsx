// How a version came to be, in words a delegate uses. Quiet colours: the label and number are
// what people read; the kind is a hint. The words are history's kind.* (AUTO, NAMED, VOTE, RESTORE).
import { useTranslations } from "next-intl";
import type { VersionKind } from "@/lib/domain/vocabulary";
import type { HistoryT } from "./version-title";

const KIND_STYLE: Record<VersionKind, string> = {
  AUTO: "bg-slate-100 text-slate-700 ring-slate-200",
  NAMED: "bg-sky-50 text-sky-800 ring-sky-200",
  VOTE: "bg-violet-50 text-violet-800 ring-violet-200",
  RESTORE: "bg-amber-50 text-amber-800 ring-amber-200",
};

const isKnownKind = (kind: string): kind is VersionKind => Object.hasOwn(KIND_STYLE, kind);

/** The kind in the reader's words; one we do not know by its name. */
export function versionKindLabel(kind: string, t: HistoryT): string {
  return isKnownKind(kind) ? t(`kind.${kind}`) : kind;
}

export function VersionKindBadge({ kind }: { kind: string }) {
  const t = useTranslations("history");
  const className = isKnownKind(kind) ? KIND_STYLE[kind] : "bg-slate-100 text-slate-700 ring-slate-200";
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${className}`}>{versionKindLabel(kind, t)}</span>;
}
