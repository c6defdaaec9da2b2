// Performance marks of a proposal page's drafting view (issue 18's "the status summary and the
// margin render ≤ 100 ms after load"), read by the browser benchmark
// (bench/brackets/browser.ts) and visible in any DevTools performance recording:
//
//   accord:drafting-text-loaded       the editor holds the synced text (its state was created)
//   accord:drafting-margin-rendered   the margin markers, drawn with the join's statuses, are in the DOM
//   accord:drafting-progress-rendered the progress summary, counted on that text, is in the DOM
//   accord:drafting-rendered          both parts are (+ the measure accord:drafting-render from text-loaded)
//
// Each mark is made once per page load (the first time), so calling these on every render
// costs a Set lookup. No effect on the server or where `performance` is missing.

export const DRAFTING_MARKS = {
  textLoaded: "accord:drafting-text-loaded",
  margin: "accord:drafting-margin-rendered",
  progress: "accord:drafting-progress-rendered",
  rendered: "accord:drafting-rendered",
} as const;
export const DRAFTING_RENDER_MEASURE = "accord:drafting-render";

export type DraftingPart = "margin" | "progress";

const made = new Set<string>();

function markOnce(name: string): boolean {
  if (made.has(name) || typeof performance === "undefined" || typeof performance.mark !== "function") return false;
  made.add(name);
  performance.mark(name);
  return true;
}

/** The editor's text is loaded: call where the editor (or its drafting plugin's state) is created on the synced document. */
export function markTextLoaded(): void {
  markOnce(DRAFTING_MARKS.textLoaded);
}

/**
 * A part is on screen with the proposal's drafting state: call after the DOM has it — from a
 * layout effect (the progress summary once it counts the text's paragraphs), or from the
 * margin plugin's view `update` once its markers are drawn.
 */
export function markDraftingRendered(part: DraftingPart): void {
  if (!markOnce(DRAFTING_MARKS[part])) return;
  if (!made.has(DRAFTING_MARKS.margin) || !made.has(DRAFTING_MARKS.progress)) return;
  markOnce(DRAFTING_MARKS.rendered);
  if (made.has(DRAFTING_MARKS.textLoaded)) {
    try {
      performance.measure(DRAFTING_RENDER_MEASURE, DRAFTING_MARKS.textLoaded, DRAFTING_MARKS.rendered);
    } catch {
      // a mark cleared by someone else: the marks themselves still tell
    }
  }
}
