// Suggesting: what one keystroke (or paste, or a typed-over selection) does to "my" amendments.
// Pure, in the editor's positions: the caller resolves my open amendments to positions, hands
// in the paragraph the input happens in, and turns the outcome into anchors and a put.
//
// An amendment replaces the passage [from, to) of one paragraph by `insert`. It is drawn as the
// passage struck through followed by the inserted text, and the caret that typed it sits right
// after the inserted text, at `to`. The rules, so that adjacent keystrokes merge into one
// amendment the way a person expects:
// - typing at (or inside) one of my amendments appends to its text; elsewhere it starts one;
// - typing over a selection replaces that passage (or my amendment's text, if it is exactly it);
// - Backspace right after my inserted text shortens it; on agreed text it strikes the character
//   before the caret (extending my amendment there) and moves the caret before it, so repeated
//   Backspace keeps extending the same deletion; Delete does the same to the right;
// - nothing crosses a paragraph's edge (the server anchors an amendment inside one paragraph).

/** One of my open amendments, where it is now. */
export type OwnSpan = { key: string; from: number; to: number; insert: string };

/**
 * The paragraph the input is in: `start` is the position of its first character, `text` its
 * content with every non-text inline node (a line break) as one U+FFFC, so text offsets and
 * positions agree.
 */
export type Block = { start: number; text: string };

export type Edit =
  | { kind: "text"; from: number; to: number; text: string }
  | { kind: "backspace"; from: number; to: number }
  | { kind: "delete"; from: number; to: number };

export type Refusal = "paragraph-start" | "paragraph-end" | "across" | "empty-paragraph" | "object";

export type Outcome =
  | { kind: "put"; key: string; from: number; to: number; insert: string; caret: number }
  | { kind: "refuse"; reason: Refusal }
  | { kind: "none" };

/** What the polite message under the toolbar says for each refusal: its key in the catalogue (editor.*). */
export const REFUSAL_WORDS: Record<Refusal, string> = {
  "paragraph-start": "suggest.refusal.paragraphStart",
  "paragraph-end": "suggest.refusal.paragraphEnd",
  across: "suggest.refusal.across",
  "empty-paragraph": "suggest.refusal.emptyParagraph",
  object: "suggest.refusal.object",
};

/** What a paragraph's non-text node (a line break) reads as in its text: never part of an amendment. */
export const OBJECT = "\ufffc";

type Segmenter = { segment(s: string): Iterable<{ segment: string }> };
let segmenter: Segmenter | null | undefined;
function graphemes(s: string): string[] {
  if (segmenter === undefined) {
    const Intl_ = Intl as unknown as { Segmenter?: new (l?: string, o?: { granularity: string }) => Segmenter };
    segmenter = Intl_.Segmenter ? new Intl_.Segmenter(undefined, { granularity: "grapheme" }) : null;
  }
  if (segmenter) return Array.from(segmenter.segment(s), (x) => x.segment);
  return Array.from(s);
}

/** `s` without its last user-perceived character (an emoji or 日 is one, never half of one). */
export function dropLastCharacter(s: string): string {
  const parts = graphemes(s);
  parts.pop();
  return parts.join("");
}

/** Length (UTF-16 units) of the character that ends at `offset` of `text`. */
function lengthBefore(text: string, offset: number): number {
  const parts = graphemes(text.slice(Math.max(0, offset - 16), offset));
  return parts.at(-1)?.length ?? 1;
}

/** Length (UTF-16 units) of the character that starts at `offset` of `text`. */
function lengthAfter(text: string, offset: number): number {
  const parts = graphemes(text.slice(offset, offset + 16));
  return parts[0]?.length ?? 1;
}

/** Prefers my current amendment, then one whose inserted text ends at `pos`, then any. */
function pick(spans: OwnSpan[], current: string | null, pos: number): OwnSpan | null {
  return spans.find((s) => s.key === current) ?? spans.find((s) => s.to === pos) ?? spans[0] ?? null;
}

export function planEdit(edit: Edit, ctx: { own: readonly OwnSpan[]; current: string | null; block: Block; newKey: () => string }): Outcome {
  const { block, current } = ctx;
  const end = block.start + block.text.length;
  const { from, to } = edit;
  if (from > to || from < block.start || to > end) return { kind: "refuse", reason: "across" };
  if (block.text.length === 0) return { kind: "refuse", reason: "empty-paragraph" };
  const passage = (a: number, b: number) => block.text.slice(a - block.start, b - block.start);
  // My amendments in this paragraph only.
  const own = ctx.own.filter((s) => s.from >= block.start && s.to <= end && s.from <= s.to);
  const containing = (pos: number) => own.filter((s) => s.from <= pos && pos <= s.to);
  const put = (key: string, a: number, b: number, insert: string, caret: number): Outcome =>
    passage(a, b).includes(OBJECT) ? { kind: "refuse", reason: "object" } : { kind: "put", key, from: a, to: b, insert, caret };

  if (edit.kind === "text") {
    if (edit.text === "") return { kind: "none" };
    if (from === to) {
      const mine = pick(containing(from), current, from);
      if (mine) return put(mine.key, mine.from, mine.to, mine.insert + edit.text, mine.to);
      return put(ctx.newKey(), from, from, edit.text, from);
    }
    // Typed over a selection. Over exactly my amendment's passage, or a selection that takes
    // in the whole of it: that amendment now says this. Otherwise a new one.
    const covered = own.filter((s) => from <= s.from && s.to <= to);
    const exact = own.find((s) => s.from === from && s.to === to) ?? (covered.length === 1 ? covered[0]! : null);
    if (exact) return put(exact.key, from, to, edit.text, to);
    return put(ctx.newKey(), from, to, edit.text, to);
  }

  const isBackspace = edit.kind === "backspace";
  if (from < to) {
    // A selection struck out: merged with my amendment it overlaps or touches.
    const touching = own.filter((s) => s.from <= to && from <= s.to);
    const mine = pick(touching, current, to);
    const a = mine ? Math.min(mine.from, from) : from;
    const b = mine ? Math.max(mine.to, to) : to;
    return put(mine?.key ?? ctx.newKey(), a, b, mine?.insert ?? "", isBackspace ? a : b);
  }

  const pos = from;
  const mine = pick(containing(pos), current, pos);
  if (isBackspace) {
    // Right after my inserted text: take back its last character.
    if (mine && mine.insert !== "" && pos === mine.to) return put(mine.key, mine.from, mine.to, dropLastCharacter(mine.insert), pos);
    const left = mine ? mine.from : pos;
    if (left <= block.start) return { kind: "refuse", reason: "paragraph-start" };
    const a = left - lengthBefore(block.text, left - block.start);
    return put(mine?.key ?? ctx.newKey(), a, mine ? mine.to : pos, mine?.insert ?? "", a);
  }
  const right = mine ? mine.to : pos;
  if (right >= end) return { kind: "refuse", reason: "paragraph-end" };
  const b = right + lengthAfter(block.text, right - block.start);
  return put(mine?.key ?? ctx.newKey(), mine ? mine.from : pos, b, mine?.insert ?? "", b);
}
