// What an open bracket looks like in the text: "[" where it starts and, where it ends, each
// option as " / option text" then "]" — so the passage reads "[original / option 2 / option 3]".
// The brackets are in the placing delegation's colour, each option in its proposer's; the
// glyphs and the slashes carry the meaning (not colour alone) and each part says who in its
// title. Real text nodes, so the editor's text content includes them (copy, tests, readers).
import type { BracketView } from "@/lib/protocol";
import { delegationTextColour } from "./readable-colour";
import { editorWords } from "./editor-words";

export const BRACKET_CLASS = "drafting-bracket";

/** A delegation's name (data), or "the chair". */
function nameOf(delegation: { name: string } | null | undefined): string {
  return delegation?.name ?? editorWords().t("common.theChair");
}

function glyph(text: string, colour: string, b: BracketView, title: string): HTMLElement {
  const span = document.createElement("span");
  span.textContent = text;
  span.className = `${BRACKET_CLASS} font-sans font-bold`;
  span.dataset.bracketId = b.id;
  span.title = title;
  span.style.color = colour;
  return span;
}

/** The opening "[". */
export function openingDom(b: BracketView): HTMLElement {
  const span = glyph("[", delegationTextColour(b.delegation), b, editorWords().t("widgets.opening", { name: nameOf(b.delegation) }));
  span.dataset.bracketEdge = "open";
  return span;
}

/** The options (" / text" each) and the closing "]". */
export function closingDom(b: BracketView): HTMLElement {
  const wrap = document.createElement("span");
  wrap.className = "drafting-bracket-end";
  wrap.dataset.bracketId = b.id;
  wrap.dataset.bracketEdge = "close";
  b.options.forEach((o, i) => {
    const colour = delegationTextColour(o.delegation);
    const option = document.createElement("span");
    option.className = "drafting-bracket-option";
    option.dataset.optionId = o.id;
    option.title = editorWords().t("widgets.option", { number: i + 2, name: nameOf(o.delegation) });
    option.style.color = colour;
    const slash = document.createElement("span");
    slash.className = "font-sans font-bold";
    slash.textContent = " / ";
    const words = document.createElement("span");
    // textContent, never innerHTML: an option is someone's input.
    words.textContent = o.text;
    // A dotted underline marks proposed words apart from the text itself, beyond their colour.
    words.setAttribute("style", `text-decoration: underline dotted; text-decoration-color: ${colour}; text-underline-offset: 3px;`);
    option.append(slash, words);
    wrap.append(option);
  });
  wrap.append(glyph("]", delegationTextColour(b.delegation), b, editorWords().t("widgets.closing", { name: nameOf(b.delegation) })));
  return wrap;
}

/** What a closing widget shows: it is drawn again only when this changes. */
export function closingKey(b: BracketView): string {
  return `bracket-close:${b.id}:${b.delegation?.colour ?? ""}:${b.options.map((o) => `${o.id}=${o.delegation?.colour ?? ""}=${o.text}`).join("|")}:${editorWords().locale}`;
}

export function openingKey(b: BracketView): string {
  return `bracket-open:${b.id}:${b.delegation?.colour ?? ""}:${editorWords().locale}`;
}
