// What use cases tell the live layer after a change commits. The realtime server implements
// it (server/realtime/notifier.ts); use cases only depend on this shape.
import type { ProposalState } from "../../lib/domain/access.ts";
import type { EditingMode } from "../../lib/domain/vocabulary.ts";
import type { AmendmentView, BracketView, ClauseView, ReadingView, ThreadView } from "../../lib/protocol.ts";

export type LiveNotifier = {
  /** The proposal's state changed: its room enforces it and tells each client its edit right. */
  proposalState(proposalId: string, state: ProposalState): void;
  /** Something on the workshop's live board changed (agenda, votes, speaking queue). */
  workshopChanged(workshopId: string): void;
  /**
   * What this user may do changed — role, delegation, removal from `workshopId`, or (no
   * workshopId) every session of theirs ended — or, with `sessionId` (a token's sid), that one
   * session was signed out: their open pages and sockets, on every node, re-check their access
   * at once (a removed member's tab loses access within 2 s; a signed-out session's sockets close).
   */
  accessChanged(change: { userId: string; workshopId?: string; sessionId?: string }): void;
  /** The workshop was archived: every open room of its proposals turns read-only at once. */
  workshopArchived(workshopId: string): void;
  /** The chair changed the editing mode: every node's room enforces it, every open tab is told. */
  editingMode(proposalId: string, mode: EditingMode): void;
  /**
   * The proposal's agreed paragraphs (Agreed or Agreed ad referendum), all their keys, after a
   * status change: every node's room refuses any change to them from now on.
   */
  agreedParagraphs(proposalId: string, keys: string[]): void;
  /** Amendments changed (each sent in full to everyone in the proposal's room, on every node). */
  amendmentsChanged(proposalId: string, amendments: AmendmentView[]): void;
  /**
   * A thread began or changed. A delegation-only thread goes to that delegation's members in
   * the room and to nobody else (the notifier routes by the thread's visibility).
   */
  threadChanged(proposalId: string, thread: ThreadView): void;
  /**
   * Paragraph statuses, brackets or the reading changed: each view is sent in full to everyone
   * in the proposal's room, on every node ("drafting:changed"; reading null: none any more).
   */
  draftingChanged(proposalId: string, change: { clauses?: ClauseView[]; brackets?: BracketView[]; reading?: ReadingView | null }): void;
  /**
   * Notices were stored for these members (a mention): their open pages, on every node, read
   * their notifications again. The signal carries no content, only the workshop.
   */
  usersNotified(workshopId: string, userIds: readonly string[]): void;
  /**
   * The delegations present now, on every node (for a quorum of "those present when the vote
   * opens"). Optional: a use case run without a live layer (scripts, tests) knows of nobody.
   */
  presentDelegations?(workshopId: string): Promise<string[]>;
};

export const silentNotifier: LiveNotifier = {
  proposalState() {},
  workshopChanged() {},
  accessChanged() {},
  workshopArchived() {},
  editingMode() {},
  agreedParagraphs() {},
  amendmentsChanged() {},
  threadChanged() {},
  draftingChanged() {},
  usersNotified() {},
};
