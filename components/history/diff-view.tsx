// The comparison of two versions as readable text, not a code diff: serif, paragraphs, line
// breaks kept. Inline shows both in one flow; side by side puts the older text with its
// deletions beside the newer text with its insertions, paragraph against paragraph.
import { useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";
import type { DiffLevel, DiffPart } from "@/lib/domain/text-diff";
import type { DelegationInfo } from "./contributor-chips";
import { diffLines, type LinePiece } from "./diff-lines";
import { Deletion, Insertion } from "./diff-marks";

export type DiffLayout = "inline" | "side";

type Delegations = ReadonlyMap<string, DelegationInfo>;
type Props = { parts: readonly DiffPart[]; level?: DiffLevel; delegations: Delegations; layout: DiffLayout; fromTitle: string; toTitle: string };

const TEXT = "whitespace-pre-wrap break-words font-serif text-[1.125rem] leading-relaxed text-slate-900";
// The right column's rule runs unbroken down the page: rows touch, padding makes the gap.
const RIGHT = "border-l border-slate-200 pl-6";
const SHEET = "rounded-lg border border-slate-200 bg-white px-5 py-6 shadow-sm sm:px-8";

function renderLine(line: readonly LinePiece[], delegations: Delegations, keep: (p: LinePiece) => boolean): ReactNode {
  const pieces = line.filter(keep);
  // An empty line keeps its height, so paragraphs on both sides stay level.
  if (pieces.length === 0) return "\u00a0";
  return pieces.map((p, i) => {
    if (p.kind === "insert") return <Insertion key={i} text={p.text} isBreak={p.isBreak} delegation={p.author ? delegations.get(p.author) : undefined} />;
    if (p.kind === "delete") return <Deletion key={i} text={p.text} isBreak={p.isBreak} />;
    return <span key={i}>{p.text}</span>;
  });
}

/**
 * Coarser than words, a changed paragraph is deleted whole and inserted whole. The last one of a
 * text has no line break to end it, so its old and new wording would share a line and run into
 * each other: inline, the old paragraph goes above the new one instead.
 */
function separateRewrites(lines: LinePiece[][]): LinePiece[][] {
  return lines.flatMap((line) =>
    line.some((p) => p.kind === "delete") && line.some((p) => p.kind === "insert") ? [line.filter((p) => p.kind !== "insert"), line.filter((p) => p.kind !== "delete")] : [line],
  );
}

function InlineText({ lines, delegations }: { lines: LinePiece[][]; delegations: Delegations }) {
  return (
    <div className={`mx-auto max-w-[72ch] space-y-3 ${TEXT}`}>
      {lines.map((line, i) => (
        <p key={i}>{renderLine(line, delegations, () => true)}</p>
      ))}
    </div>
  );
}

export function DiffView({ parts, level = "word", delegations, layout, fromTitle, toTitle }: Props) {
  const t = useTranslations("history");
  const lines = diffLines(parts);
  const inlineLines = level === "word" ? lines : separateRewrites(lines);
  if (layout === "inline") {
    return (
      <section aria-label={t("diffView.label")} className={SHEET}>
        <InlineText lines={inlineLines} delegations={delegations} />
      </section>
    );
  }
  const heading = "border-b border-slate-200 font-sans text-sm font-semibold text-slate-600";
  return (
    <section aria-label={t("diffView.label")} className={SHEET}>
      {/* Two columns need room: on a phone the same comparison reads inline instead. */}
      <div className="md:hidden">
        <p className="mb-4 font-sans text-sm text-slate-600">{t("diffView.narrowScreen")}</p>
        <InlineText lines={inlineLines} delegations={delegations} />
      </div>
      {/* One grid: row i holds paragraph i of each side, so the two stay level. */}
      <div className={`hidden grid-cols-2 md:grid ${TEXT}`}>
        <h2 className={`${heading} pb-2 pr-6`}>{fromTitle}</h2>
        <h2 className={`${heading} ${RIGHT} pb-2`}>{toTitle}</h2>
        {lines.map((line, i) => (
          <Fragment key={i}>
            <p className={`${i === 0 ? "pt-4" : "pt-1.5"} pb-1.5 pr-6`}>{renderLine(line, delegations, (p) => p.kind !== "insert")}</p>
            <p className={`${RIGHT} ${i === 0 ? "pt-4" : "pt-1.5"} pb-1.5`}>{renderLine(line, delegations, (p) => p.kind !== "delete")}</p>
          </Fragment>
        ))}
      </div>
    </section>
  );
}
