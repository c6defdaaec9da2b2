// What a member is told about the session, kept per person (so a reload or another device shows
// the same list), and when a delegate is reminded that a ballot is still theirs to cast. Pure:
// the server stores the notices, the pages show the reminder.
import type { Role, VoteStatus } from "./vocabulary.ts";

export const NOTIFICATION_KINDS = ["vote.open", "vote.close", "vote.cancel", "agenda.current", "proposal.lock", "proposal.unlock", "version.restore", "comment.mention"] as const;
/**
 * What happened; named as the audit action that records the same change ("comment.mention" has
 * none: a mention in a delegation-only thread must leave no trace outside that delegation).
 */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One page of the panel: a session's worth, and what a small dropdown can reasonably show. */
export const MAX_LISTED_NOTIFICATIONS = 50;
/** Kept per person per workshop; older ones are pruned so a long workshop's table stays bounded. */
export const MAX_KEPT_NOTIFICATIONS = 500;
/**
 * Pruning runs only once someone is this far over the bound, so a busy session deletes in
 * batches rather than one row per member on every notice.
 */
export const PRUNE_SLACK = 50;

/** What the text names: the proposal's title, and for a closed vote, a restore or a mention the detail. */
export type NoticeSubject = { title: string; isAdopted?: boolean; versionNumber?: number; author?: string };

/** The sentence a member reads, matching the toasts the live board raises for the same change. */
export function notificationText(kind: NotificationKind, s: NoticeSubject): string {
  switch (kind) {
    case "vote.open":
      return `Vote opened on ${s.title}`;
    case "vote.close":
      return `${s.title}: ${s.isAdopted ? "adopted" : "not adopted"}`;
    case "vote.cancel":
      return `Vote cancelled on ${s.title}`;
    case "agenda.current":
      return `Now on the floor: ${s.title}`;
    case "proposal.lock":
      return `Drafting locked on ${s.title}`;
    case "proposal.unlock":
      return `Drafting reopened on ${s.title}`;
    case "version.restore":
      return s.versionNumber === undefined ? `An earlier version was restored on ${s.title}` : `Version ${s.versionNumber} restored on ${s.title}`;
    case "comment.mention":
      // Only the mentioned delegation's members get it; never the comment itself (the page shows it to whoever may see it).
      return `${s.author ?? "Someone"} mentioned your delegation in a comment on ${s.title}`;
  }
}

/** Where a notice leads: the proposal, and for an open vote straight to its ballot. */
export function notificationHref(kind: NotificationKind, at: { workshopId: string; proposalId: string }): string {
  const proposal = `/workshops/${at.workshopId}/proposals/${at.proposalId}`;
  return kind === "vote.open" ? ballotHref(at) : proposal;
}

/** The ballot form on the proposal page (components/votes/ballot-form.tsx heads it with this id). */
export function ballotHref(at: { workshopId: string; proposalId: string }): string {
  return `/workshops/${at.workshopId}/proposals/${at.proposalId}#ballot-heading`;
}

/** What the reminder needs to know about a round (the live board's LiveRound has it). */
export type RoundForReminder = { id: string; proposalId: string; status: VoteStatus; voted: readonly string[] };
export type Voter = { role: Role; delegationId: string | null; isArchived: boolean };

/**
 * The open rounds in which the viewer's delegation has not cast a ballot yet: "Your delegation
 * has not voted". Only delegates vote (one ballot per delegation), so a chair or an observer is
 * never reminded, nor anyone once the workshop is archived; one ballot by any delegate of the
 * delegation settles it for all of them.
 */
export function roundsAwaitingBallot<R extends RoundForReminder>(viewer: Voter, rounds: readonly R[]): R[] {
  const delegationId = viewer.delegationId;
  if (viewer.role !== "DELEGATE" || delegationId === null || viewer.isArchived) return [];
  return rounds.filter((r) => r.status === "OPEN" && !r.voted.includes(delegationId));
}

/** One stored notice as the panel shows it (times as ISO strings: it crosses to the browser). */
export type NotificationItem = { id: string; kind: string; text: string; href: string; createdAt: string; isRead: boolean };
/** A page of the caller's notices, newest first, and how many of all they keep are unread. */
export type NotificationList = { items: NotificationItem[]; unread: number };
