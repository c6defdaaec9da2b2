// How an amendment is put into words and colour, the same in the text, the cards and alerts.
import type { AmendmentStatus } from "@/lib/domain/vocabulary";

/** The chair proposes without a delegation: the chair's slate, as for carets and presence. */
export const CHAIR_COLOUR = "#334155";

/** A delegation's colour as it may go into a style attribute (plain hex only), or the chair's. */
export function amendmentColour(delegation: { colour: string } | null | undefined): string {
  const c = delegation?.colour;
  return c && /^#[0-9a-fA-F]{3,8}$/.test(c) ? c : CHAIR_COLOUR;
}

/** A passage or new text on one line (a line break shows as ¶), long ones shortened; no quotes. */
export function excerpt(text: string, max = 200): string {
  const one = text.replace(/\r\n?|\n/g, " ¶ ");
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** A passage or new text in quotes, on one line (a line break shows as ¶), long ones shortened. */
export function quoted(text: string, max = 200): string {
  return `“${excerpt(text, max)}”`;
}

/** A translator of the "amendments" namespace (next-intl's, or one made with createTranslator). */
export type AmendmentsT = (key: string, values?: Record<string, string | number | Date>) => string;

/**
 * "Replace “shall” by “may”", "Insert “…”", "Delete “…”" in the reader's language; `inSentence`
 * for the words inside a sentence ("Your amendment (replace “shall” by “may”) was…").
 */
export function describeAmendment(t: AmendmentsT, passage: string, insert: string, opts: { max?: number; inSentence?: boolean } = {}): string {
  const kind = passage === "" ? "insert" : insert === "" ? "delete" : "replace";
  return t(`describe.${kind}${opts.inSentence ? "InSentence" : ""}`, { passage: excerpt(passage, opts.max), insert: excerpt(insert, opts.max) });
}

/** An amendment its author typed away again before anyone decided it: nothing to list. */
export function isTypedAway(a: { status: AmendmentStatus; passage: string; insert: string }): boolean {
  return a.status === "WITHDRAWN" && a.passage === "" && a.insert === "";
}
