// How an amendment is put into words and colour, the same in the text, the cards and alerts.
import type { AmendmentStatus } from "@/lib/domain/vocabulary";

/** The chair proposes without a delegation: the chair's slate, as for carets and presence. */
export const CHAIR_COLOUR = "#334155";

/** A delegation's colour as it may go into a style attribute (plain hex only), or the chair's. */
export function amendmentColour(delegation: { colour: string } | null | undefined): string {
  const c = delegation?.colour;
  return c && /^#[0-9a-fA-F]{3,8}$/.test(c) ? c : CHAIR_COLOUR;
}

/** A passage or new text in quotes, on one line (a line break shows as ¶), long ones shortened. */
export function quoted(text: string, max = 200): string {
  const one = text.replace(/\r\n?|\n/g, " ¶ ");
  const cut = one.length > max ? `${one.slice(0, max - 1)}…` : one;
  return `“${cut}”`;
}

/** "Replace “shall” by “may”", "Insert “…”", "Delete “…”". */
export function describeAmendment(passage: string, insert: string, max?: number): string {
  if (passage === "") return `Insert ${quoted(insert, max)}`;
  if (insert === "") return `Delete ${quoted(passage, max)}`;
  return `Replace ${quoted(passage, max)} by ${quoted(insert, max)}`;
}

export const STATUS_WORDS: Record<AmendmentStatus, string> = {
  OPEN: "Open",
  ACCEPTED: "Accepted",
  REJECTED: "Rejected",
  WITHDRAWN: "Withdrawn",
  SUPERSEDED: "Superseded",
};

/** An amendment its author typed away again before anyone decided it: nothing to list. */
export function isTypedAway(a: { status: AmendmentStatus; passage: string; insert: string }): boolean {
  return a.status === "WITHDRAWN" && a.passage === "" && a.insert === "";
}
