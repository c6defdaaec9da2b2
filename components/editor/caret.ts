// How another participant's caret looks inside the text: a thin bar in their delegation's
// colour with a "Name · CODE" flag. Built as plain DOM because ProseMirror inserts it as a
// widget decoration (no React there).
import { readAwarenessUser } from "@/lib/realtime/awareness-user";
import { movedCarets, wakeCaret } from "@/lib/realtime/caret-activity";
import { affiliationTag } from "./participant-user";
import type { Say } from "./suggest/suggest-input";

export const CARET_CLASS = "collaboration-carets__caret";
const CLIENT_ATTRIBUTE = "data-caret-client";

/**
 * Draws a caret; `say` words its flag's fallbacks in the reader's language (editor.participant.*).
 * `clientId` is passed by y-tiptap's cursor plugin (TipTap's type names only the user).
 */
export function caretRenderer(say: Say): (user: Record<string, unknown>, clientId?: number) => HTMLElement {
  return (user, clientId) => renderCaret(user, say, clientId);
}

export function renderCaret(user: Record<string, unknown>, say: Say, clientId?: number): HTMLElement {
  const u = readAwarenessUser({ user });
  const caret = document.createElement("span");
  caret.classList.add(CARET_CLASS);
  if (clientId !== undefined) caret.setAttribute(CLIENT_ATTRIBUTE, String(clientId));
  // The flag is decoration for sighted readers; a screen reader would otherwise read a name in
  // the middle of a clause. Presence is announced by the presence list instead.
  caret.setAttribute("aria-hidden", "true");
  const colour = u?.color ?? "#64748b";
  caret.style.borderColor = colour;
  const label = document.createElement("span");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = colour;
  // textContent, never innerHTML: names are user input.
  label.textContent = u ? `${u.name} · ${affiliationTag(u, (role) => say(`participant.role.${role}`))}` : say("participant.someone");
  caret.append(label);
  // A newly drawn caret has just moved (or arrived): its flag shows, then fades when idle.
  wakeCaret(caret);
  return caret;
}

type AwarenessLike = {
  clientID: number;
  getStates(): Map<number, Record<string, unknown>>;
  on(event: "change", cb: () => void): void;
  off(event: "change", cb: () => void): void;
};

/**
 * Wakes a caret's flag whenever its owner moves it. ProseMirror keeps a caret's DOM node while
 * it moves within one stretch of text, so a newly drawn caret alone would not say "moved".
 */
export function watchCaretActivity(awareness: AwarenessLike, root: HTMLElement): () => void {
  let cursors = movedCarets(new Map(), awareness.getStates(), awareness.clientID).cursors;
  let frame: number | null = null;
  let pending = new Set<number>();
  const onChange = () => {
    const r = movedCarets(cursors, awareness.getStates(), awareness.clientID);
    cursors = r.cursors;
    for (const id of r.moved) pending.add(id);
    if (pending.size === 0 || frame !== null) return;
    // After the cursor plugin has redrawn its decorations for this change.
    frame = requestAnimationFrame(() => {
      frame = null;
      for (const id of pending) {
        const caret = root.querySelector<HTMLElement>(`[${CLIENT_ATTRIBUTE}="${id}"]`);
        if (caret) wakeCaret(caret);
      }
      pending = new Set();
    });
  };
  awareness.on("change", onChange);
  return () => {
    awareness.off("change", onChange);
    if (frame !== null) cancelAnimationFrame(frame);
  };
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
