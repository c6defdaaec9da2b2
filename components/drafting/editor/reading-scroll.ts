// Following the reading: the paragraph on the table is brought into view in the chair's tab
// and in every tab that follows the chair (components/agenda/follow-chair.tsx keeps that choice
// in localStorage). Smooth unless the reader asked for reduced motion.
import type { EditorView } from "@tiptap/pm/view";

/** components/agenda/follow-chair.tsx's key: "1" while following. */
const FOLLOW_CHAIR_KEY = "accord:follow-chair";

export function isFollowingChair(): boolean {
  try {
    return typeof window !== "undefined" && window.localStorage.getItem(FOLLOW_CHAIR_KEY) === "1";
  } catch {
    // Storage refused (private mode, policy): not following.
    return false;
  }
}

/** Scrolls the page so the paragraph at `pos` is in the middle of the screen. */
export function scrollToParagraphDom(view: EditorView, pos: number): boolean {
  const node = view.nodeDOM(pos);
  if (!(node instanceof HTMLElement)) return false;
  const reduce = typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
  node.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
  return true;
}
