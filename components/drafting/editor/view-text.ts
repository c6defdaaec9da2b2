// The two ways of reading a bracketed text, as plain strings. Pure: the Clean text view renders
// each paragraph through `cleanText`, the editor draws the same `[passage / option 2]` shape with
// widgets (drafting-marks.ts), and the tests pin both down.
//
// Offsets are characters of one paragraph's text (for the editor: positions inside a text block,
// which match one to one when a hard break counts as one character).

/** A bracketed passage of one paragraph: [from, to) and the alternative wordings proposed for it. */
export type BracketSpan = { from: number; to: number; options?: readonly string[] };
export type ParagraphWithBrackets = { text: string; brackets: readonly BracketSpan[] };

/** Closing punctuation: no space is left before it when the words before it are removed. */
const CLOSES = /^[.,;:!?)\]}…»”’]/;
/** Opening punctuation: no space is left after it when the words after it are removed. */
const OPENS = /[([{«“‘]$/;

function clip(spans: readonly BracketSpan[], length: number): { from: number; to: number }[] {
  return spans
    .map((s) => ({ from: Math.max(0, Math.min(s.from, length)), to: Math.max(0, Math.min(s.to, length)) }))
    .filter((s) => s.from < s.to)
    .sort((a, b) => a.from - b.from || a.to - b.to);
}

/** Overlapping or nested spans removed once: the union of the ranges, in order. */
function union(spans: { from: number; to: number }[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (const s of spans) {
    const last = out.at(-1);
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

/**
 * Where a removed passage was, the words either side meet with one space at most, and none
 * before closing or after opening punctuation: "mechanism [within twelve months]." reads
 * "mechanism.", "a [big] dog" reads "a dog". Only the seams change; the rest is left as typed.
 */
function join(left: string, right: string): string {
  if (right === "" || CLOSES.test(right)) return left.replace(/[ \t]+$/, "") + right;
  if ((left === "" || /\s$/.test(left) || OPENS.test(left)) && /^[ \t]/.test(right)) return left + right.replace(/^[ \t]+/, "");
  return left + right;
}

/** The paragraph with every bracketed passage removed (the Clean text view). */
export function cleanText(text: string, brackets: readonly BracketSpan[]): string {
  const spans = union(clip(brackets, text.length));
  if (spans.length === 0) return text;
  let out = "";
  let at = 0;
  for (const s of spans) {
    out = join(out, text.slice(at, s.from));
    at = s.to;
  }
  return join(out, text.slice(at));
}

type Insert = { at: number; text: string; /** Closings before openings at one offset; then inner closings first, outer openings first. */ order: number };

/** The paragraph as the Bracketed text view reads it: "[passage / option 2 / option 3]". */
export function bracketedText(text: string, brackets: readonly BracketSpan[]): string {
  const inserts: Insert[] = [];
  for (const b of brackets) {
    const from = Math.max(0, Math.min(b.from, text.length));
    const to = Math.max(from, Math.min(b.to, text.length));
    const options = (b.options ?? []).map((o) => ` / ${o}`).join("");
    // A closing of a shorter (inner) bracket comes first; an opening of a longer (outer) one does.
    // An empty bracket closes right after it opens.
    inserts.push({ at: to, text: `${options}]`, order: to === from ? 1 : -1_000_000 + (to - from) });
    inserts.push({ at: from, text: "[", order: -(to - from) });
  }
  inserts.sort((a, b) => a.at - b.at || a.order - b.order);
  let out = "";
  let at = 0;
  for (const i of inserts) {
    out += text.slice(at, i.at) + i.text;
    at = i.at;
  }
  return out + text.slice(at);
}

/** Both views of a whole text, one line per paragraph. */
export function viewTexts(paragraphs: readonly ParagraphWithBrackets[]): { clean: string; bracketed: string } {
  return {
    clean: paragraphs.map((p) => cleanText(p.text, p.brackets)).join("\n"),
    bracketed: paragraphs.map((p) => bracketedText(p.text, p.brackets)).join("\n"),
  };
}
