// Updates other nodes relayed for a room this node has not loaded. A load reads the database;
// a relay of a change committed just after that read would otherwise be missed, so relays are
// kept for a while and applied on top of every load.

/** Longer than a load takes, and than a node's journal takes to commit what it relayed. */
const RELAY_MEMORY_MS = 15_000;
/** Per proposal: a busy room relays ~100 updates a second; this covers the window above. */
const RELAY_MEMORY_MAX = 2000;

export class RelayBuffer {
  private readonly kept = new Map<string, Array<{ at: number; update: Uint8Array }>>();

  keep(proposalId: string, update: Uint8Array, now: number): void {
    const recent = (this.kept.get(proposalId) ?? []).filter((r) => now - r.at < RELAY_MEMORY_MS).slice(-(RELAY_MEMORY_MAX - 1));
    recent.push({ at: now, update });
    this.kept.set(proposalId, recent);
  }

  /** What was kept for the proposal, forgotten as it is handed over. */
  take(proposalId: string): Uint8Array[] {
    const recent = this.kept.get(proposalId) ?? [];
    this.kept.delete(proposalId);
    return recent.map((r) => r.update);
  }
}
