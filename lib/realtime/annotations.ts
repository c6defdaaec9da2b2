// The amendments and comment threads of one proposal as this tab knows them: the join's answer,
// then every live event (amendment:changed, comment:changed, proposal:mode). Framework-free, so
// the editor, the panels, the tests and the load generator share it; React reads it through
// useSyncExternalStore (subscribe + snapshot, a new snapshot object on every change).
import type { EditingMode } from "../domain/vocabulary.ts";
import { toUint8Array, type AmendmentView, type ThreadView } from "../protocol.ts";

export type AnnotationsSnapshot = {
  mode: EditingMode;
  amendments: readonly AmendmentView[];
  threads: readonly ThreadView[];
};

/** Socket.io hands binary over as ArrayBuffer in the browser: anchors are always Uint8Array here. */
function amendment(a: AmendmentView): AmendmentView {
  return { ...a, from: toUint8Array(a.from), to: toUint8Array(a.to) };
}
function thread(t: ThreadView): ThreadView {
  return { ...t, from: toUint8Array(t.from), to: toUint8Array(t.to) };
}

export class Annotations {
  private amendments = new Map<string, AmendmentView>();
  private threads = new Map<string, ThreadView>();
  private mode: EditingMode = "OPEN";
  private snap: AnnotationsSnapshot = { mode: "OPEN", amendments: [], threads: [] };
  private readonly listeners = new Set<() => void>();

  /** Everything as the server said on (re)joining: it replaces what this tab had. */
  reset(mode: EditingMode, amendments: readonly AmendmentView[], threads: readonly ThreadView[]): void {
    this.mode = mode;
    this.amendments = new Map(amendments.map((a) => [a.id, amendment(a)]));
    this.threads = new Map(threads.map((t) => [t.id, thread(t)]));
    this.changed("amendments", "threads");
  }

  setMode(mode: EditingMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.changed();
  }

  upsertAmendments(list: readonly AmendmentView[]): void {
    for (const a of list) this.amendments.set(a.id, amendment(a));
    if (list.length) this.changed("amendments");
  }


  upsertThread(t: ThreadView): void {
    this.threads.set(t.id, thread(t));
    this.changed("threads");
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  snapshot = (): AnnotationsSnapshot => this.snap;

  /**
   * A new snapshot; a list that did not change keeps its identity, so a reader of threads is not
   * redrawn by an amendment (and the other way round).
   */
  private changed(...parts: Array<"amendments" | "threads">): void {
    this.snap = {
      mode: this.mode,
      amendments: parts.includes("amendments") ? [...this.amendments.values()] : this.snap.amendments,
      threads: parts.includes("threads") ? [...this.threads.values()] : this.snap.threads,
    };
    for (const fn of this.listeners) fn();
  }
}
