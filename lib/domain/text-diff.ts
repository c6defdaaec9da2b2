// Word-level comparison of two versions, with each inserted span attributed to its author.
// Words come from Intl.Segmenter, so Chinese and Japanese (no spaces) split into real words by
// dictionary, not into single characters, and European text splits on word boundaries.
//
// Every level of detail has a budget, so no input can make a comparison run for minutes: word
// by word when it fits, else paragraph by paragraph, else the whole text as replaced. Every
// level reconstructs both texts exactly (equal + delete = before, equal + insert = after).
import { diffArrays, type ArrayChange } from "diff";

/** Who wrote a stretch of text: `length` UTF-16 units, by `author` (a delegation id, or null). */
export type AuthorRun = { length: number; author: string | null };

export type DiffPart =
  | { kind: "equal"; text: string }
  | { kind: "delete"; text: string }
  | { kind: "insert"; text: string; author: string | null };

/** How fine the comparison could be made within its budget: the reader is told when not words. */
export type DiffLevel = "word" | "paragraph" | "whole";

export type TextDiff = { level: DiffLevel; parts: DiffPart[] };

/** Wall-clock budgets, for callers that may use a clock (the domain itself never reads one). */
export type DiffClock = { now: () => number; lineMs: number; wordMs: number };

export type DiffBudget = {
  /** Tokens (words, spaces, punctuation) the word level may read: both versions, all changed paragraphs. */
  maxWordTokens: number;
  /** Word edits one changed stretch may need; Myers' work grows with tokens × edits. */
  maxWordEdits: number;
  /** Changed lines (paragraphs, between the untouched ones at either end) the paragraph level may compare, both versions. */
  maxLines: number;
  /** Paragraph edits (whole paragraphs inserted or deleted) before giving up on paragraphs. */
  maxLineEdits: number;
  clock?: DiffClock;
};

// Measured on a 2-core VM: word level at its limits (60,000 tokens, 3,000 edits) takes about a
// second, so a 10,000-word paragraph rewritten from scratch (some 20,000 word edits) falls back
// to paragraphs after about a second instead of running for minutes. 60,000 tokens is some
// 15,000 words per version: a long text with a handful of edits still compares word by word.
export const DEFAULT_DIFF_BUDGET: DiffBudget = { maxWordTokens: 60_000, maxWordEdits: 3_000, maxLines: 20_000, maxLineEdits: 2_000 };

// Node 20's V8 copies the whole input string into every segment Intl.Segmenter yields, so one
// call over n characters costs n²: 110,000 characters took 2 s, 220,000 took 116 s. Feeding it
// pieces of at most this many characters keeps tokenizing linear (3 MB in about a second).
const SEGMENT_CHUNK = 1_000;
const SPACE = /\s/;
// A mark, a format character (ZWJ) or more space after the cut would join the previous token.
const JOINS_PREVIOUS = /[\s\p{M}\p{Cf}]/u;
// Ideographic full stop, comma, ! and ?: always word boundaries, and CJK text rarely has spaces.
const CJK_STOP = /[\u3001\u3002\uff01\uff1f]/;

let segmenter: Intl.Segmenter | undefined;

/** Where the piece starting at `start` ends: after a space or CJK stop, never inside a token when avoidable. */
function pieceEnd(text: string, start: number): number {
  const limit = start + SEGMENT_CHUNK;
  if (limit >= text.length) return text.length;
  for (let p = limit; p > start + SEGMENT_CHUNK / 2; p--) {
    if ((SPACE.test(text[p - 1]!) || CJK_STOP.test(text[p - 1]!)) && !JOINS_PREVIOUS.test(text[p]!)) return p;
  }
  // One run of letters this long has no boundary to find: cut it, but not inside a surrogate pair.
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit;
}

function* segments(text: string): Generator<string> {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "word" });
  for (let start = 0; start < text.length; ) {
    const end = pieceEnd(text, start);
    for (const s of segmenter.segment(text.slice(start, end))) yield s.segment;
    start = end;
  }
}

export function tokenize(text: string): string[] {
  return Array.from(segments(text));
}

/** The tokens of `text`, or null as soon as there are more than `max` (without reading the rest). */
function tokensWithin(text: string, max: number): string[] | null {
  const tokens: string[] = [];
  for (const s of segments(text)) if (tokens.push(s) > max) return null;
  return tokens;
}

type Authors = { ends: number[]; authors: Array<string | null> };

function authorIndex(runs: readonly AuthorRun[]): Authors {
  const ends: number[] = [];
  let end = 0;
  for (const r of runs) ends.push((end += r.length));
  return { ends, authors: runs.map((r) => r.author) };
}

/** Index of the run holding UTF-16 position `pos` (runs.length when past them all). */
function runAt({ ends }: Authors, pos: number): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= pos) lo = mid + 1;
    else hi = mid - 1;
  }
  return lo;
}

/** An inserted stretch of `after` starting at `start`, split where its author changes (one step per run). */
function attributedInserts(text: string, start: number, index: Authors): DiffPart[] {
  const parts: DiffPart[] = [];
  const end = start + text.length;
  for (let pos = start, r = runAt(index, start); pos < end; r++) {
    const isPastRuns = r >= index.ends.length;
    const runEnd = isPastRuns ? end : Math.min(index.ends[r]!, end);
    parts.push({ kind: "insert", text: text.slice(pos - start, runEnd - start), author: isPastRuns ? null : index.authors[r]! });
    pos = runEnd;
  }
  return parts;
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

/** Milliseconds left before `deadline` as diff's `timeout` option; nothing without a clock. */
function timeoutOption(clock: DiffClock | undefined, deadline: number): { timeout?: number } {
  return clock ? { timeout: Math.max(0, deadline - clock.now()) } : {};
}

const lines = (t: string) => (t === "" ? [] : t.split(/(?<=\n)/));

const unchanged = (value: string[]): ArrayChange<string>[] => (value.length ? [{ value, added: false, removed: false, count: value.length }] : []);

/** Paragraph changes, or null when they exceed the budget. */
function lineChanges(before: string, after: string, budget: DiffBudget): ArrayChange<string>[] | null {
  const a = lines(before);
  const b = lines(after);
  // Untouched paragraphs at either end cost one string comparison each: only the stretch
  // between them counts against the budget, so a long text with one edit is never "too large".
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  if (middleA.length + middleB.length > budget.maxLines) return null;
  const deadline = budget.clock ? budget.clock.now() + budget.clock.lineMs : 0;
  const middle = diffArrays(middleA, middleB, { maxEditLength: budget.maxLineEdits, ...timeoutOption(budget.clock, deadline) });
  return middle ? [...unchanged(a.slice(0, head)), ...middle, ...unchanged(a.slice(a.length - tail))] : null;
}

/** Changed paragraphs refined into word changes, or null when the word budget runs out anywhere. */
function wordLevel(changes: readonly ArrayChange<string>[], index: Authors, budget: DiffBudget): DiffPart[] | null {
  const deadline = budget.clock ? budget.clock.now() + budget.clock.wordMs : 0;
  let tokensLeft = budget.maxWordTokens;
  const parts: DiffPart[] = [];
  let posAfter = 0;
  const diffWords = (before: string, after: string): boolean => {
    // Nothing to pair up on one side (paragraphs only added or only removed): no words to read.
    if (before === "" || after === "") {
      if (after === "") parts.push({ kind: "delete", text: before });
      else parts.push(...attributedInserts(after, posAfter, index));
      posAfter += after.length;
      return true;
    }
    const a = tokensWithin(before, tokensLeft);
    const b = a && tokensWithin(after, tokensLeft - a.length);
    if (!a || !b) return false;
    tokensLeft -= a.length + b.length;
    const words = diffArrays(a, b, { maxEditLength: budget.maxWordEdits, ...timeoutOption(budget.clock, deadline) });
    if (!words) return false;
    for (const change of words) {
      const text = change.value.join("");
      if (change.added) parts.push(...attributedInserts(text, posAfter, index));
      else parts.push({ kind: change.removed ? "delete" : "equal", text });
      if (!change.removed) posAfter += text.length;
    }
    return true;
  };
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
    const isDone =
      removedLines.length === addedLines.length
        ? removedLines.every((line, k) => diffWords(line, addedLines[k]!))
        : diffWords(removedLines.join(""), addedLines.join(""));
    if (!isDone) return null;
  }
  return parts;
}

/** Whole paragraphs deleted and inserted, inserted ones still attributed. */
function paragraphLevel(changes: readonly ArrayChange<string>[], index: Authors): DiffPart[] {
  const parts: DiffPart[] = [];
  let posAfter = 0;
  for (const change of changes) {
    const text = change.value.join("");
    if (change.added) parts.push(...attributedInserts(text, posAfter, index));
    else parts.push({ kind: change.removed ? "delete" : "equal", text });
    if (!change.removed) posAfter += text.length;
  }
  return parts;
}

/** The last resort, cheap for any size (one step per author run): all of `before` out, all of `after` in. */
export function wholeReplacement(before: string, after: string, afterRuns: readonly AuthorRun[] = []): DiffPart[] {
  return merge([{ kind: "delete", text: before }, ...attributedInserts(after, 0, authorIndex(afterRuns))]);
}

/**
 * Differences from `before` to `after`, merged into readable spans, as fine as the budget
 * allows. Lines are compared first and only changed lines are split into words: a long text
 * with a few edits stays word by word.
 */
export function diffTexts(before: string, after: string, afterRuns: readonly AuthorRun[] = [], budget: DiffBudget = DEFAULT_DIFF_BUDGET): TextDiff {
  const changes = lineChanges(before, after, budget);
  if (!changes) return { level: "whole", parts: wholeReplacement(before, after, afterRuns) };
  const index = authorIndex(afterRuns);
  const words = wordLevel(changes, index, budget);
  if (words) return { level: "word", parts: merge(words) };
  return { level: "paragraph", parts: merge(paragraphLevel(changes, index)) };
}

/** How many words were inserted and deleted (for a summary line). */
export function diffStats(parts: readonly DiffPart[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const p of parts) {
    if (p.kind === "equal") continue;
    let words = 0;
    for (const w of segments(p.text)) if (/[\p{L}\p{N}]/u.test(w)) words++;
    if (p.kind === "insert") inserted += words;
    else deleted += words;
  }
  return { inserted, deleted };
}
