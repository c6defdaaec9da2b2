// A documented way out of the text for keyboard users. Inside a list, Tab indents (and
// Shift+Tab outdents) the item, so Tab cannot be the way out there; Escape is: it moves focus
// to the next control after the editor, wherever the caret is. The toolbar's hint and the
// README's "Keyboard" section say so.
import { Extension } from "@tiptap/core";

export const LEAVE_EDITOR_KEY = "Escape";
/** The visible sentence that says so; the text and the toolbar point to it (aria-describedby). */
export { KEYBOARD_HINT_ID } from "./keyboard-hint";

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]';

function canTakeFocus(el: HTMLElement): boolean {
  if (el.tabIndex < 0 || el.closest("[inert], [hidden]")) return false;
  if ("disabled" in el && (el as HTMLButtonElement).disabled) return false;
  // Not rendered (display: none, hidden at this breakpoint): no boxes.
  return el.getClientRects().length > 0;
}

/** The first control after `from` in document (= tab) order, outside it; null when there is none. */
export function nextFocusableAfter(from: HTMLElement): HTMLElement | null {
  for (const el of from.ownerDocument.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (from.contains(el)) continue;
    if (!(from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    if (canTakeFocus(el)) return el;
  }
  return null;
}

export const LeaveEditor = Extension.create({
  name: "leaveEditor",
  addKeyboardShortcuts() {
    return {
      [LEAVE_EDITOR_KEY]: ({ editor }) => {
        const dom = editor.view.dom as HTMLElement;
        const target = nextFocusableAfter(dom);
        if (target) target.focus();
        else dom.blur();
        return true;
      },
    };
  },
});
