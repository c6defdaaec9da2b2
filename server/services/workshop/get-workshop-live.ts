import type { Db } from "../../../lib/db.ts";
import { findManyInChunks } from "../../../lib/db-chunks.ts";
import { ACTIVE_FLOOR_STATUSES, type ActiveFloorStatus, type BallotChoice } from "../../../lib/domain/vocabulary.ts";
import type { LiveRestore, LiveRound, WorkshopLive } from "../../../lib/live-board.ts";
import { progressOf, type Progress } from "../../../lib/domain/drafting.ts";
import { parseStoredProgress } from "../drafting/progress.ts";

type RoundRow = {
  id: string;
  proposalId: string;
  question: string;
  rule: LiveRound["rule"];
  quorum: number;
  isOpenBallot: boolean;
  status: LiveRound["status"];
  stateBefore: LiveRound["stateBefore"];
  openedAt: Date;
  closedAt: Date | null;
  result: string | null;
  version: { number: number };
  ballots: Array<{ delegationId: string; choice: BallotChoice; explanation: string | null }>;
};

/** A round as members may see it: who voted always; how, only when closed or an open ballot. */
export function toLiveRound(r: RoundRow): LiveRound {
  // Secret ballots: only the totals, ever (the tally); open ballots: each delegation's choice.
  const isRevealed = r.isOpenBallot;
  return {
    id: r.id,
    proposalId: r.proposalId,
    question: r.question,
    rule: r.rule,
    quorum: r.quorum,
    isOpenBallot: r.isOpenBallot,
    status: r.status,
    stateBefore: r.stateBefore,
    versionNumber: r.version.number,
    openedAt: r.openedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    voted: r.ballots.map((b) => b.delegationId).sort(),
    ballots: isRevealed ? r.ballots : null,
    tally: r.result ? (JSON.parse(r.result) as LiveRound["tally"]) : null,
  };
}

export const roundSelect = {
  id: true,
  proposalId: true,
  question: true,
  rule: true,
  quorum: true,
  isOpenBallot: true,
  status: true,
  stateBefore: true,
  openedAt: true,
  closedAt: true,
  result: true,
  version: { select: { number: true } },
  ballots: { select: { delegationId: true, choice: true, explanation: true }, orderBy: { castAt: "asc" } },
} as const;

function toLiveRestore(event: { detail: string; createdAt: Date } | null): LiveRestore | null {
  if (!event) return null;
  const { from, to } = JSON.parse(event.detail) as { from?: unknown; to?: unknown };
  return typeof from === "number" && typeof to === "number" ? { from, to, at: event.createdAt.toISOString() } : null;
}

/** Open brackets of the workshop's proposals, by proposal and placing delegation: one grouped query. */
async function openBracketCounts(db: Db, workshopId: string): Promise<Map<string, { delegationId: string | null; count: number }[]>> {
  const groups = await db.bracket.groupBy({ by: ["proposalId", "delegationId"], where: { status: "OPEN", proposal: { workshopId } }, _count: { _all: true } });
  const out = new Map<string, { delegationId: string | null; count: number }[]>();
  for (const g of groups) out.set(g.proposalId, [...(out.get(g.proposalId) ?? []), { delegationId: g.delegationId, count: g._count._all }]);
  return out;
}

/**
 * "N of M paragraphs agreed, K brackets open": the paragraph counts as last counted on the live
 * text (Proposal.progress), the brackets as they are now. Null while neither exists.
 */
function boardProgress(stored: string | null, brackets: { delegationId: string | null; count: number }[], delegations: { id: string; name: string }[]): Progress | null {
  const counted = parseStoredProgress(stored);
  if (!counted && brackets.length === 0) return null;
  const names = new Map(delegations.map((d) => [d.id, d.name]));
  // One entry per bracket, as progressOf counts them (a few hundred at most: MAX_OPEN_BRACKETS).
  const open = brackets.flatMap((b) => Array.from({ length: b.count }, () => ({ delegationName: b.delegationId ? (names.get(b.delegationId) ?? "A former delegation") : null })));
  const { openBrackets, bracketsBy } = progressOf([], new Map(), open);
  return { ...(counted ?? { paragraphs: 0, agreed: 0, adReferendum: 0, parked: 0 }), openBrackets, bracketsBy };
}

/** The live board of a workshop. Callers have already authorized the viewer. */
export async function getWorkshopLive(db: Db, workshopId: string, now: Date): Promise<WorkshopLive> {
  const [workshop, delegations, proposals, floor, roundIds, restores] = await Promise.all([
    db.workshop.findUniqueOrThrow({
      where: { id: workshopId },
      select: { currentProposalId: true, title: true, description: true, timeZone: true, defaultVoteRule: true, defaultQuorum: true, archivedAt: true },
    }),
    db.delegation.findMany({ where: { workshopId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, code: true, colour: true } }),
    db.proposal.findMany({ where: { workshopId }, orderBy: { position: "asc" }, select: { id: true, title: true, summary: true, state: true, position: true, lockAt: true, progress: true } }),
    db.floorRequest.findMany({ where: { workshopId, status: { in: [...ACTIVE_FLOOR_STATUSES] } }, orderBy: { requestedAt: "asc" } }),
    // Every round of the workshop, ids only (newest first): the latest of each proposal is read
    // whole below. One query for all proposals: the board's cost must not grow with the agenda.
    db.voteRound.findMany({ where: { proposal: { workshopId } }, orderBy: { openedAt: "desc" }, select: { id: true, proposalId: true } }),
    // The audit entry is the restore's structured record (from → to), written with it; newest first.
    db.auditEvent.findMany({
      where: { workshopId, action: "version.restore", proposalId: { not: null } },
      orderBy: { createdAt: "desc" },
      select: { proposalId: true, detail: true, createdAt: true },
    }),
  ]);
  const latestRoundIds = new Map<string, string>();
  for (const r of roundIds) if (!latestRoundIds.has(r.proposalId)) latestRoundIds.set(r.proposalId, r.id);
  const lastRestoreOf = new Map<string, { detail: string; createdAt: Date }>();
  for (const e of restores) if (e.proposalId && !lastRestoreOf.has(e.proposalId)) lastRestoreOf.set(e.proposalId, e);
  const [roundRows, speakers, openBrackets] = await Promise.all([
    findManyInChunks(latestRoundIds.values(), (chunk) => db.voteRound.findMany({ where: { id: { in: chunk } }, select: roundSelect })),
    // A floor of any length: every member of a large workshop may be in the queue at once.
    findManyInChunks(
      floor.map((f) => f.userId),
      (chunk) => db.user.findMany({ where: { id: { in: chunk } }, select: { id: true, name: true } }),
    ),
    openBracketCounts(db, workshopId),
  ]);
  const roundOf = new Map(roundRows.map((r) => [r.proposalId, r]));
  // In agenda order, as the board always listed them.
  const latestRounds = proposals.map((p) => roundOf.get(p.id) ?? null);
  const names = new Map(speakers.map((u) => [u.id, u.name]));
  return {
    workshopId,
    workshop: {
      title: workshop.title,
      description: workshop.description,
      timeZone: workshop.timeZone,
      defaultVoteRule: workshop.defaultVoteRule,
      defaultQuorum: workshop.defaultQuorum,
      archivedAt: workshop.archivedAt?.toISOString() ?? null,
    },
    currentProposalId: workshop.currentProposalId,
    delegations,
    proposals: proposals.map(({ progress, ...p }) => ({
      ...p,
      lockAt: p.lockAt?.toISOString() ?? null,
      lastRestore: toLiveRestore(lastRestoreOf.get(p.id) ?? null),
      progress: boardProgress(progress, openBrackets.get(p.id) ?? [], delegations),
    })),
    rounds: latestRounds.filter((r) => r !== null).map(toLiveRound),
    // The speaker first, then the queue in order of request.
    floor: floor
      .sort((a, b) => (a.status === b.status ? 0 : a.status === "SPEAKING" ? -1 : 1))
      .map((f) => ({
        id: f.id,
        userId: f.userId,
        name: names.get(f.userId) ?? "",
        delegationId: f.delegationId,
        status: f.status as ActiveFloorStatus,
        requestedAt: f.requestedAt.toISOString(),
        startedAt: f.startedAt?.toISOString() ?? null,
        limitSeconds: f.limitSeconds,
        paragraph: f.proposalId && f.paragraphNumber ? { proposalId: f.proposalId, number: f.paragraphNumber } : null,
      })),
    serverTime: now.toISOString(),
  };
}
