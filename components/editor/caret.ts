// How another participant's caret looks inside the text: a thin bar in their delegation's
// colour with a "Name · CODE" flag. Built as plain DOM because ProseMirror inserts it as a
// widget decoration (no React there).
import { readAwarenessUser } from "@/lib/realtime/awareness-user";
import { affiliationTag } from "./participant-user";

export const CARET_CLASS = "collaboration-carets__caret";

export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const u = readAwarenessUser({ user });
  const caret = document.createElement("span");
  caret.classList.add(CARET_CLASS);
  // The flag is decoration for sighted readers; a screen reader would otherwise read a name in
  // the middle of a clause. Presence is announced by the presence list instead.
  caret.setAttribute("aria-hidden", "true");
  const colour = u?.color ?? "#64748b";
  caret.style.borderColor = colour;
  const label = document.createElement("span");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = colour;
  // textContent, never innerHTML: names are user input.
  label.textContent = u ? `${u.name} · ${affiliationTag(u)}` : "Someone";
  caret.append(label);
  return caret;
}

/** Someone else's selection: a light wash of their colour, so the text under it stays legible. */
export function renderSelection(user: Record<string, unknown>): { nodeName: string; class: string; style: string } {
  const u = readAwarenessUser({ user });
  return {
    nodeName: "span",
    class: "collaboration-carets__selection",
    style: `background-color: color-mix(in srgb, ${u?.color ?? "#64748b"} 22%, transparent)`,
  };
}
