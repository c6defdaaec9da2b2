// Scrolls the page to a passage of the text (an amendment, a comment thread) without moving
// focus: to its drawn mark when there is one, else to the paragraph holding `from`. Smooth
// unless the reader asked for reduced motion.
import type { EditorView } from "@tiptap/pm/view";

export function scrollToPassage(view: EditorView, markSelector: string, from: number): boolean {
  const reduce = typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
  const options: ScrollIntoViewOptions = { block: "center", behavior: reduce ? "auto" : "smooth" };
  const mark = (view.dom as HTMLElement).querySelector<HTMLElement>(markSelector);
  if (mark) {
    mark.scrollIntoView(options);
    return true;
  }
  try {
    const at = view.domAtPos(from);
    const el = at.node instanceof HTMLElement ? at.node : at.node.parentElement;
    el?.scrollIntoView(options);
    return Boolean(el);
  } catch {
    return false;
  }
}
