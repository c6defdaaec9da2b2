// "Preview: all accepted": the text as it would read if the chair accepted every open amendment,
// in text order; one that competes with an earlier applied one (lib/domain/amendments.ts
// competes: same passage, same insertion point, or an insertion inside it) is skipped, as
// accepting the earlier one would supersede it. Pure: blocks of text in, blocks of text out.
import { competes } from "@/lib/domain/amendments";

/** An amendment placed in one block: character offsets inside that block's text. */
export type PreviewEdit = { id: string; block: number; from: number; to: number; insert: string };

export type PreviewResult = { texts: string[]; applied: string[]; skipped: string[] };

export function applyAmendments(blocks: readonly string[], edits: readonly PreviewEdit[]): PreviewResult {
  const ordered = edits
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.block >= 0 && e.block < blocks.length && e.from >= 0 && e.from <= e.to && e.to <= blocks[e.block]!.length)
    .sort((a, b) => a.e.block - b.e.block || a.e.from - b.e.from || a.e.to - b.e.to || a.i - b.i)
    .map(({ e }) => e);
  const applied: PreviewEdit[] = [];
  const skipped: string[] = [];
  for (const e of ordered) {
    const span = { block: String(e.block), from: e.from, to: e.to };
    if (applied.some((a) => competes({ block: String(a.block), from: a.from, to: a.to }, span))) skipped.push(e.id);
    else applied.push(e);
  }
  skipped.push(...edits.filter((e) => !ordered.includes(e)).map((e) => e.id));
  const texts = [...blocks];
  // From the end of each block backwards, so earlier offsets stay valid.
  for (const e of [...applied].reverse()) {
    const t = texts[e.block]!;
    texts[e.block] = t.slice(0, e.from) + e.insert + t.slice(e.to);
  }
  return { texts, applied: applied.map((a) => a.id), skipped };
}

/**
 * Which block a passage (editor positions) lies in, given each block's first position and
 * length, and its offsets there; null when it is not inside one block.
 */
export function locate(starts: readonly number[], lengths: readonly number[], range: { from: number; to: number }): { block: number; from: number; to: number } | null {
  // The last block starting at or before `from` (binary search: the text may be long).
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= range.from) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return null;
  const start = starts[found]!;
  const end = start + lengths[found]!;
  if (range.to > end || range.from > end) return null;
  return { block: found, from: range.from - start, to: range.to - start };
}
