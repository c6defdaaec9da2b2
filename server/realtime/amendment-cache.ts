// A room's open amendments as this node last heard of them, by key: what the typing path
// (amendment-revisions.ts) needs to build an amendment's view without reading the database —
// author, delegation, status, stances, reason, ids. Loaded once, lazily (when someone first
// revises an amendment in the room), then kept current by every `amendmentsChanged` this node's
// notifier sends, by the revisions this node relays, and by other nodes' relays.
//
// It is a shortcut, never the authority: the revision's write is conditional (still OPEN, still
// the caller's), so a stale entry can at worst send a revision down the slow path or have its
// write refused and corrected. Decided amendments are dropped (their keys take the slow path).
import type { AmendmentView } from "../../lib/protocol.ts";

/** Changes during a load make it read again; past this many reads the cache stays unloaded (slow path). */
const MAX_LOAD_ATTEMPTS = 3;

export class AmendmentCache {
  private readonly byKey = new Map<string, AmendmentView>();
  private isLoaded = false;
  private loading: Promise<void> | null = null;
  /** Bumped by every change heard: a load that overlapped one may have read an older row. */
  private generation = 0;

  constructor(private readonly load: () => Promise<AmendmentView[]>) {}

  /** The open amendment with this key, loading the room's open amendments on first use. */
  async get(key: string): Promise<AmendmentView | undefined> {
    if (!this.isLoaded) await this.ensureLoaded();
    return this.byKey.get(key);
  }

  /** As `get`, without loading (undefined until loaded). */
  peek(key: string): AmendmentView | undefined {
    return this.byKey.get(key);
  }

  /** Amendments changed (in full, as sent to the room): open ones are kept, decided ones dropped. */
  update(views: readonly AmendmentView[]): void {
    this.generation++;
    // Not loaded yet: the load reads the database, which already has what was notified.
    if (!this.isLoaded) return;
    for (const v of views) {
      if (v.status === "OPEN") this.byKey.set(v.key, v);
      else this.byKey.delete(v.key);
    }
  }

  /** Forgets everything (changes may have been missed): the next `get` reads the database again. */
  invalidate(): void {
    this.generation++;
    this.isLoaded = false;
    this.byKey.clear();
  }

  get size(): number {
    return this.byKey.size;
  }

  private ensureLoaded(): Promise<void> {
    this.loading ??= this.loadOnce().finally(() => (this.loading = null));
    return this.loading;
  }

  private async loadOnce(): Promise<void> {
    for (let attempt = 0; attempt < MAX_LOAD_ATTEMPTS && !this.isLoaded; attempt++) {
      const before = this.generation;
      const views = await this.load();
      // Something changed while the rows were read: the read may be older than the change.
      if (this.generation !== before) continue;
      this.byKey.clear();
      for (const v of views) if (v.status === "OPEN") this.byKey.set(v.key, v);
      this.isLoaded = true;
    }
  }
}
