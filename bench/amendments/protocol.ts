// What the amendments benchmark (bench/amendments/amendments-bench.ts) asks the server process
// to do over IPC (bench/server-control.ts → bench/server-process.ts →
// bench/amendments/server-hooks.ts). Types only, so the generator does not load the server's code.
import type { EditingMode } from "../../lib/domain/vocabulary.ts";
import type { TimingOp, TimingReply } from "../shared-protocol.ts";

/** The annotated proposals to seed: each a long text with open amendments and comment threads. */
export type AnnotatedSetup = {
  proposals: number;
  /** Characters of text per proposal (paragraphs of ~400 characters, a heading every 20). */
  chars: number;
  /** Open amendments per proposal, one per paragraph (none compete with another). */
  amendments: number;
  /** Comment threads per proposal: 3 in 5 for everyone, 2 in 5 delegation-only; 1–5 comments each. */
  threads: number;
  mode: EditingMode;
};

/** One seeded amendment as the benchmark needs it: which one, and a text only it inserts. */
export type SeededAmendment = { id: string; key: string; marker: string };

export type AnnotatedFixture = {
  chairId: string;
  proposalIds: string[];
  /** The first proposal's amendments, in text order. */
  amendments: SeededAmendment[];
  /** How many threads a member of each delegation sees (everyone's + the delegation's own). */
  threadsVisibleTo: Record<string, number>;
  /** The seeded text's length in characters (every proposal has the same text). */
  chars: number;
  /** Text blocks (paragraphs and headings), and the paragraphs (block indices) no seeded amendment touches. */
  blocks: number;
  freeBlocks: number[];
  seedMs: number;
};

export type AnnotatedOp =
  /** Adds the chair, seeds the proposals and starts timing the handlers of TIMED_EVENTS on new sockets. */
  | { op: "setup"; setup: AnnotatedSetup }
  | TimingOp;

export type AnnotatedReply = TimingReply & { fixture?: AnnotatedFixture };

/** The events whose handlers the hook times (their acknowledgement marks the end). */
export const TIMED_EVENTS = ["room:join", "doc:sync", "amendment:put", "amendment:accept"] as const;
