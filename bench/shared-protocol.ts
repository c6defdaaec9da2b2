// The IPC requests the amendments and brackets benchmarks share (bench/amendments/protocol.ts,
// bench/brackets/protocol.ts; answered by bench/shared-hooks.ts in the server process): handler
// times and SQL statement counts. Types only, so the generator does not load the server's code.

/** A handler's time in the server process: packet dispatched → its acknowledgement written. */
export type HandlerTime = { event: string; proposalId: string | null; ms: number; ok: boolean };

export type TimingOp =
  /** The handler times recorded since the last call (and forgets them). */
  | { op: "handler-times" }
  /** SQL statements the server's Prisma client sent since the last call (null when not counting), and starts again. */
  | { op: "sql-statements" };

export type TimingReply = {
  times?: HandlerTime[];
  /** Null when the server was not started with countSql. */
  statements?: number | null;
};
