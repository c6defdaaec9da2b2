// What the board benchmark (bench/board/board-bench.ts) asks the server process to do over IPC
// (bench/server-control.ts → bench/server-process.ts → bench/board/server-hooks.ts). Types only,
// so the generator does not load the server's code.

/** One change made by the chair or a delegate, through the app's own use case. */
export type BoardChange =
  | { kind: "current"; proposalId: string }
  | { kind: "lock"; proposalId: string }
  | { kind: "open-vote"; proposalId: string }
  | { kind: "ballot"; roundId: string; delegate: number }
  | { kind: "cancel-vote"; roundId: string };

export type BoardOp =
  /** Adds the chair (a MODERATOR) to the fixture's workshop; replies its user id. */
  | { op: "setup" }
  /** Runs one change as the chair (or as fixture delegate `delegate`); replies the use case's own time and the round id if any. */
  | { op: "change"; change: BoardChange }
  /** Rebuilds the board `times` times on a client that logs its SQL: time and statements per rebuild. */
  | { op: "rebuild"; times: number }
  /** Closes the counting client (before the server stops). */
  | { op: "close" };

export type BoardReply = {
  chairId?: string;
  useCaseMs?: number;
  roundId?: string;
  rebuild?: { ms: number[]; queries: number[] };
};
