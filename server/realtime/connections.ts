// This node's open connections by account, so a change to what someone may do reaches their open
// tabs at once (LiveNotifier.accessChanged). Each node keeps its own: a connection's room
// sessions live on the node that holds the socket, and the cluster relays the change to the
// others (cluster.ts), which apply it to theirs.

/** What the access layer needs of one connection; handlers.ts builds it around a socket. */
export type UserConnection = {
  /** The session (the token's sid) the socket was opened with; null for a token without one. */
  sessionId?: string | null;
  /** Re-reads the user's membership in the workshop and applies it to every room joined there. */
  recheck(workshopId: string): Promise<void>;
  /** As `recheck`, for every workshop the connection has joined a room of. */
  recheckJoined?(): Promise<void>;
  /** Every session of the user ended: tell the tab, then close the connection. */
  signOut(): void;
};

export class UserConnections {
  private readonly byUser = new Map<string, Set<UserConnection>>();

  /** Registers a connection; the returned function forgets it (on disconnect). */
  add(userId: string, connection: UserConnection): () => void {
    let set = this.byUser.get(userId);
    if (!set) this.byUser.set(userId, (set = new Set()));
    set.add(connection);
    return () => {
      set.delete(connection);
      if (set.size === 0 && this.byUser.get(userId) === set) this.byUser.delete(userId);
    };
  }

  of(userId: string): UserConnection[] {
    return [...(this.byUser.get(userId) ?? [])];
  }

  /**
   * Re-reads every connection's seats (after the cluster link was down, access changes made on
   * other nodes may not have been heard). A few at a time: one small read per connection and
   * workshop, never the whole node's connections at once against the database's pool.
   */
  async recheckEveryone(concurrency = 8): Promise<void> {
    const all = [...this.byUser.values()].flatMap((set) => [...set]);
    let next = 0;
    const worker = async () => {
      while (next < all.length) await all[next++]!.recheckJoined?.().catch((e) => console.error("access re-check failed:", (e as Error)?.message ?? e));
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, all.length) }, worker));
  }

  /**
   * Applies an access change to this node's connections of the user. No workshop: the user's
   * sessions ended — all of them, or with `sessionId` only that one's connections.
   */
  apply(userId: string, workshopId: string | null, sessionId: string | null = null): Promise<void> {
    const connections = this.of(userId);
    if (workshopId === null) {
      for (const c of connections) if (sessionId === null || c.sessionId === sessionId) c.signOut();
      return Promise.resolve();
    }
    return Promise.all(connections.map((c) => c.recheck(workshopId))).then(() => undefined);
  }
}
