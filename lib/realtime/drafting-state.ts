// The paragraph statuses, brackets and reading of one proposal as this tab knows them: the
// join's answer, then every drafting:changed. Framework-free like Annotations (the editor's
// decorations, the panels, tests and the load generator share it); React reads it through
// useSyncExternalStore.
import { toUint8Array, type BracketView, type ClauseView, type DraftingView, type ReadingView } from "../protocol.ts";

export type DraftingSnapshot = {
  /** Paragraphs whose status is not Open, by key. */
  clauses: ReadonlyMap<string, ClauseView>;
  brackets: readonly BracketView[];
  reading: ReadingView | null;
};

function bracket(b: BracketView): BracketView {
  return { ...b, from: toUint8Array(b.from), to: toUint8Array(b.to) };
}

export class DraftingState {
  private clauses = new Map<string, ClauseView>();
  private brackets = new Map<string, BracketView>();
  private snap: DraftingSnapshot = { clauses: new Map(), brackets: [], reading: null };
  private readonly listeners = new Set<() => void>();

  /** Everything as the server said on (re)joining: it replaces what this tab had. */
  reset(view: DraftingView): void {
    this.clauses = new Map(view.clauses.filter((c) => c.status !== "OPEN").map((c) => [c.key, c]));
    this.brackets = new Map(view.brackets.map((b) => [b.id, bracket(b)]));
    this.publish({ clauses: true, brackets: true, reading: view.reading });
  }

  /** A drafting:changed (or an acknowledgement): each view replaces the one held. */
  apply(change: { clauses?: readonly ClauseView[]; brackets?: readonly BracketView[]; reading?: ReadingView | null }): void {
    for (const c of change.clauses ?? []) {
      if (c.status === "OPEN") this.clauses.delete(c.key);
      else this.clauses.set(c.key, c);
    }
    for (const b of change.brackets ?? []) this.brackets.set(b.id, bracket(b));
    this.publish({ clauses: Boolean(change.clauses?.length), brackets: Boolean(change.brackets?.length), reading: change.reading === undefined ? this.snap.reading : change.reading });
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  snapshot = (): DraftingSnapshot => this.snap;

  /** A new snapshot; a part that did not change keeps its identity (its readers are not redrawn). */
  private publish(parts: { clauses: boolean; brackets: boolean; reading: ReadingView | null }): void {
    this.snap = {
      clauses: parts.clauses ? new Map(this.clauses) : this.snap.clauses,
      brackets: parts.brackets ? [...this.brackets.values()] : this.snap.brackets,
      reading: parts.reading,
    };
    for (const fn of this.listeners) fn();
  }
}
