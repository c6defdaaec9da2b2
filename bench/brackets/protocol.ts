// What the brackets benchmark (bench/brackets/brackets-bench.ts) asks the server process to do
// over IPC (bench/server-control.ts → bench/server-process.ts → bench/brackets/server-hooks.ts).
// Types only, so the generator does not load the server's code.
import type { ClauseStatus } from "../../lib/domain/vocabulary.ts";
import type { TimingOp, TimingReply } from "../shared-protocol.ts";

/** The proposals to seed (bench/brackets/fixture.ts). */
export type BracketsSetup = {
  /** Characters of text (the paragraphs share them about evenly; no headings). */
  chars: number;
  paragraphs: number;
  /** Open brackets, one per bracketed paragraph (every other paragraph from the first). */
  brackets: number;
  /** Alternative wordings per bracket (each with its supporters). */
  optionsPerBracket: number;
  /** Seed the bracketed proposal… */
  bracketed: boolean;
  /** …and/or the same text with no brackets, options or statuses (the typing baseline). */
  plain: boolean;
};

/** A paragraph of the bracketed proposal as the benchmark needs it. */
export type SeededParagraph = { key: string; status: ClauseStatus; bracketed: boolean };

export type BracketsFixture = {
  chairId: string;
  workshopId: string;
  /** Null when not seeded. */
  bracketedId: string | null;
  plainId: string | null;
  /** The workshop's delegation ids (the chair's "awaiting" for ad referendum). */
  delegationIds: string[];
  /** The bracketed proposal's counted paragraphs in text order (keys from paragraphKeys). */
  paragraphs: SeededParagraph[];
  /** The seeded text's length in characters and its counted paragraphs. */
  chars: number;
  paragraphCount: number;
  brackets: number;
  options: number;
  supports: number;
  holders: number;
  /** ClauseState rows (paragraphs not Open), of which agreed ad referendum with capitals. */
  clauseStates: number;
  adReferendum: number;
  seedMs: number;
};

export type BracketsOp =
  /** Adds the chair, seeds the proposals and starts timing the handlers of TIMED_EVENTS on new sockets. */
  | { op: "setup"; setup: BracketsSetup }
  | TimingOp;

export type BracketsReply = TimingReply & { fixture?: BracketsFixture };

/** The events whose handlers the hook times (their acknowledgement marks the end). */
export const TIMED_EVENTS = ["room:join", "clause:status"] as const;
