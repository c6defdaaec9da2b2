// What the comment and reply textareas share: one look, and Ctrl/⌘+Enter to send (plain Enter
// stays a new line, as comments may have several paragraphs).
import type { KeyboardEvent } from "react";

export const textarea =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm placeholder:text-slate-400 focus:border-sky-600";

export function submitOnCtrlEnter(e: KeyboardEvent<HTMLTextAreaElement>, run: () => void) {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    run();
  }
}
