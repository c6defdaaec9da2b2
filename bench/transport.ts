// What the run engine needs from a server and its client library, so that the typing model,
// the latency measurement and the convergence gate are the same code for Accord and for the
// y-websocket baseline: only connecting, pinging and reading the server's copy differ.
import type * as Y from "yjs";
import type { LoopDelay } from "../server/observability/loop-delay.ts";
import type { Tracker } from "./tracker.ts";

/** One simulated tab: a Yjs replica of one room, kept in sync by some transport. */
export type Replica = {
  room: number;
  doc: Y.Doc;
  /** Resolves once the replica holds the server's state. */
  whenSynced: Promise<void>;
  /** True for a transaction origin that means "applied from the network". */
  isRemote(origin: unknown): boolean;
  /** Calls `fn` whenever every local change is durable; null when the transport cannot tell. */
  onSaved: ((fn: () => void) => void) | null;
  /** True when the server acknowledged all local changes (always true without durability acks). */
  isSaved(): boolean;
  /** The client's own word for its state, quoted when it does not sync or save in time. */
  status(): string;
  /** One idle round trip through the server, in ms. */
  ping(): Promise<number>;
  /**
   * Diagnosis only (the idle benchmark's BENCH_IDLE_NO_RENEWAL=1): stops this client's awareness
   * timer (y-protocols renews the local state every 15 s and drops remote ones after 30 s), to
   * show what an idle connection costs the server without those renewals.
   */
  stopAwarenessRenewal?(): void;
  close(): void;
};

export type ServerUsage = {
  cpuUs: number;
  rssBytes: number;
  atMs: number;
  /** Event-loop delay since the last reading that started a loop window; absent when the server cannot tell. */
  loop?: LoopDelay;
};

export type JournalCounts = { checkpoints: number; journal_rows: number; rows_merged_into_checkpoints: number };

/** What only a server we run ourselves can tell (Accord's, over IPC and from its log). */
export type ServerDiagnostics = {
  /** Everything the server wrote to stderr (several nodes: their logs, comma-separated). */
  logPath: string;
  /** Error lines the server logged, grouped: "count × line", most frequent first. */
  errorSummary(): { total: number; top: string[] };
  /** The watchdog's "event loop blocked" lines: how many, and the longest few. */
  stallSummary(): { total: number; longest: string[] };
  /** A V8 CPU profile of the server from profileStart until profileStop writes it to `path`. */
  profileStart(): Promise<void>;
  profileStop(path: string): Promise<void>;
  /** The journal's tables now (checkpoints, rows left, rows merged): what a soak leaves behind. */
  journalCounts(): Promise<JournalCounts>;
};

/** Per measured edit, keystroke → the server's storage holds it (servers without a durability answer to the sender). */
export type TimeToDisk = { lags: number[]; missing: number; stores: number };

export type MemoryReading = { heapUsedBytes: number; externalBytes: number; rssBytes: number; heapTotalBytes?: number };

/** The servers a load can run against: Accord and the baselines (`--baseline`). */
export type TargetName = "accord" | "y-websocket" | "hocuspocus" | "hocuspocus-per-update";

export type Transport = {
  name: TargetName;
  /** `slot` is the client's index within its room (Accord signs each slot in as its own delegate). */
  connect(room: number, slot: number): Promise<Replica>;
  /** The server's current copy of a room, read by a fresh client that adds no content. */
  readServerCopy(room: number): Promise<Y.Doc>;
  /** startLoopWindow: the measured window begins with this reading. */
  usage(opts?: { startLoopWindow?: boolean }): Promise<ServerUsage>;
  /** Null for a server we only see from outside (the baseline). */
  diagnostics: ServerDiagnostics | null;
  /** Time to disk, read from the server after the load (Hocuspocus); absent when the sender's own acks tell (Accord) or nothing is stored (y-websocket). */
  timeToDisk?(tracker: Tracker): Promise<TimeToDisk>;
  /** Heap, external buffers and RSS after a full GC (servers started with --expose-gc; the idle benchmark). */
  memory?(): Promise<MemoryReading>;
  stop(): Promise<void>;
};
