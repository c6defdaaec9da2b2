// Word-level comparison of two versions, with each inserted span attributed to its author.
// Words come from Intl.Segmenter, so Chinese and Japanese (no spaces) split into real words by
// dictionary, not into single characters, and European text splits on word boundaries.
import { diffArrays } from "diff";

/** Who wrote a stretch of text: `length` UTF-16 units, by `author` (a delegation id, or null). */
export type AuthorRun = { length: number; author: string | null };

export type DiffPart =
  | { kind: "equal"; text: string }
  | { kind: "delete"; text: string }
  | { kind: "insert"; text: string; author: string | null };

let segmenter: Intl.Segmenter | undefined;

export function tokenize(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "word" });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Author of each UTF-16 position, from runs (positions past the runs have no author). */
function authorAt(runs: readonly AuthorRun[]): (pos: number) => string | null {
  const ends: number[] = [];
  let end = 0;
  for (const r of runs) ends.push((end += r.length));
  return (pos) => {
    let lo = 0;
    let hi = ends.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= pos) lo = mid + 1;
      else hi = mid - 1;
    }
    return lo < runs.length ? runs[lo]!.author : null;
  };
}

/** Splits an inserted stretch of `after` where its author changes. */
function attributedInserts(text: string, start: number, author: (pos: number) => string | null): DiffPart[] {
  const parts: DiffPart[] = [];
  let spanStart = 0;
  let current = author(start);
  for (let i = 1; i <= text.length; i++) {
    const a = i < text.length ? author(start + i) : undefined;
    if (i === text.length || a !== current) {
      parts.push({ kind: "insert", text: text.slice(spanStart, i), author: current });
      spanStart = i;
      current = a ?? null;
    }
  }
  return parts;
}

/** Word-level differences of one stretch, appended to `parts`; returns the new position in `after`. */
function diffWords(before: string, after: string, posAfter: number, author: (pos: number) => string | null, parts: DiffPart[]): number {
  for (const change of diffArrays(tokenize(before), tokenize(after))) {
    const text = change.value.join("");
    if (change.added) {
      parts.push(...attributedInserts(text, posAfter, author));
      posAfter += text.length;
    } else if (change.removed) {
      parts.push({ kind: "delete", text });
    } else {
      parts.push({ kind: "equal", text });
      posAfter += text.length;
    }
  }
  return posAfter;
}

/** Neighbouring equal (or deleted) spans become one; inserts stay split by author. */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    if (p.text.length === 0) continue;
    const last = out.at(-1);
    if (last && last.kind === p.kind && p.kind !== "insert") last.text += p.text;
    else if (last && last.kind === "insert" && p.kind === "insert" && last.author === p.author) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/**
 * Differences from `before` to `after`, merged into readable spans. Lines are compared first
 * and only changed lines are split into words: a long text with a few edits stays fast.
 */
export function diffTexts(before: string, after: string, afterRuns: readonly AuthorRun[] = []): DiffPart[] {
  const author = authorAt(afterRuns);
  const lines = (t: string) => (t === "" ? [] : t.split(/(?<=\n)/));
  const changes = diffArrays(lines(before), lines(after));
  const parts: DiffPart[] = [];
  let posAfter = 0;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      const text = change.value.join("");
      parts.push({ kind: "equal", text });
      posAfter += text.length;
      continue;
    }
    // A removed run followed by an added one is a rewrite of those lines: diff them by words —
    // line by line when the counts match (edits spread over many clauses stay cheap).
    const next = changes[i + 1];
    const removedLines = change.removed ? change.value : [];
    const addedLines = change.added ? change.value : next?.added ? (i++, next.value) : [];
    if (removedLines.length === addedLines.length) {
      removedLines.forEach((line, k) => (posAfter = diffWords(line, addedLines[k]!, posAfter, author, parts)));
    } else {
      posAfter = diffWords(removedLines.join(""), addedLines.join(""), posAfter, author, parts);
    }
  }
  return merge(parts);
}

/** How many words were inserted and deleted (for a summary line). */
export function diffStats(parts: readonly DiffPart[]): { inserted: number; deleted: number } {
  const words = (t: string) => tokenize(t).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  let inserted = 0;
  let deleted = 0;
  for (const p of parts) {
    if (p.kind === "insert") inserted += words(p.text);
    if (p.kind === "delete") deleted += words(p.text);
  }
  return { inserted, deleted };
}
