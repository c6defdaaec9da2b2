// What use cases may ask of the live documents (the realtime layer implements it in
// server/realtime/live-documents.ts). Use cases never reach into a room: every change to the
// text, and every version of it, goes through these three doors, each all-or-nothing.
import type * as Y from "yjs";
import type { Tx } from "../../lib/db.ts";
import type { FrozenText } from "./history/cut-version.ts";
import type { ProposalState } from "../../lib/domain/access.ts";
import type { VersionKind } from "../../lib/domain/vocabulary.ts";

export type { Tx };

/** The live text at one moment, every change in it already in the database. */
export type TextSnapshot = {
  frozen: FrozenText;
  workshopId: string;
  /** Delegations seen editing since the last version (deletions included). */
  editors: ReadonlySet<string>;
};

export type CutOptions = { kind: VersionKind; label: string | null; authorId: string | null; skipIfUnchanged?: boolean };

/** A change the server makes on someone's behalf, with a Yjs client id of its own. */
export type ServerChange = { update: Uint8Array; clientId: number };

/**
 * A passage between two anchors as the live text has it now (null: not a passage of this text).
 * `clauseKey`: the paragraph (unit, lib/document/clauses.ts) it lies in.
 */
export type LiveSpan = { block: string; from: number; to: number; passage: string; clauseKey: string | null } | null;

/** The text after a server change, and how many agreed paragraphs the change alters (0 unless allowed). */
export type ChangedText = TextSnapshot & { agreedChanged: number };

export type LiveDocuments = {
  /**
   * Resolves anchor pairs (amendments, comment threads) against the live text, in the room's
   * turn: each answer is where the passage is now and what it reads (lib/document/anchors.ts).
   */
  readSpans(proposalId: string, anchors: readonly { from: Uint8Array; to: Uint8Array }[]): Promise<LiveSpan[]>;
  /**
   * The counted paragraphs of the live text, their keys in text order (lib/document/clauses.ts
   * paragraphKeys), in the room's turn: what a reading steps through and progress counts.
   */
  readParagraphs(proposalId: string): Promise<{ keys: string[] }>;
  /** Cuts a version of the live text as it is now (null when skipped as unchanged). */
  cutVersionNow(proposalId: string, opts: CutOptions): Promise<{ id: string; number: number } | null>;
  /**
   * Stops edits by putting the room in `frozenState`, then runs `persist` in one transaction
   * with the exact text as frozen (e.g. the proposal's state change, a VOTE version, the round).
   * If `persist` fails, the room goes back to the state it had and nothing was written.
   */
  freezeAndCut<T>(proposalId: string, frozenState: ProposalState, persist: (tx: Tx, text: TextSnapshot) => Promise<T>): Promise<T>;
  /**
   * A change made on someone's behalf (a restore): `makeChange` derives it from the live text;
   * the change's journal row and ledger entry, and whatever `persist` writes with the text after
   * it (its version, its audit entry), commit in one transaction. Only then does the room apply
   * it and everyone see it. Nothing happens at all if any part fails.
   *
   * A change that would alter an agreed paragraph is refused (PARAGRAPH_AGREED) unless
   * `allowAgreed` (a restore the chair confirmed); `persist` is told how many it alters.
   */
  applyServerChange<T>(
    proposalId: string,
    opts: {
      author: { userId: string; delegationId: string | null };
      makeChange: (live: Y.Doc) => ServerChange;
      persist: (tx: Tx, after: ChangedText) => Promise<T>;
      allowAgreed?: boolean;
    },
  ): Promise<T>;
};
