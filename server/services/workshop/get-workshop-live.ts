import type { Db } from "../../../lib/db.ts";
import { findManyInChunks } from "../../../lib/db-chunks.ts";
import { ACTIVE_FLOOR_STATUSES, type ActiveFloorStatus, type BallotChoice } from "../../../lib/domain/vocabulary.ts";
import type { LiveRound, WorkshopLive } from "../../../lib/live-board.ts";

type RoundRow = {
  id: string;
  proposalId: string;
  question: string;
  rule: LiveRound["rule"];
  quorum: number;
  isOpenBallot: boolean;
  status: LiveRound["status"];
  openedAt: Date;
  closedAt: Date | null;
  result: string | null;
  version: { number: number };
  ballots: Array<{ delegationId: string; choice: BallotChoice; explanation: string | null }>;
};

/** A round as members may see it: who voted always; how, only when closed or an open ballot. */
export function toLiveRound(r: RoundRow): LiveRound {
  const isRevealed = r.status === "CLOSED" || r.isOpenBallot;
  return {
    id: r.id,
    proposalId: r.proposalId,
    question: r.question,
    rule: r.rule,
    quorum: r.quorum,
    isOpenBallot: r.isOpenBallot,
    status: r.status,
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
  openedAt: true,
  closedAt: true,
  result: true,
  version: { select: { number: true } },
  ballots: { select: { delegationId: true, choice: true, explanation: true }, orderBy: { castAt: "asc" } },
} as const;

/** The live board of a workshop. Callers have already authorized the viewer. */
export async function getWorkshopLive(db: Db, workshopId: string, now: Date): Promise<WorkshopLive> {
  const [workshop, delegations, proposals, floor] = await Promise.all([
    db.workshop.findUniqueOrThrow({
      where: { id: workshopId },
      select: { currentProposalId: true, title: true, description: true, timeZone: true, defaultVoteRule: true, defaultQuorum: true, archivedAt: true },
    }),
    db.delegation.findMany({ where: { workshopId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, code: true, colour: true } }),
    db.proposal.findMany({ where: { workshopId }, orderBy: { position: "asc" }, select: { id: true, title: true, summary: true, state: true, position: true } }),
    db.floorRequest.findMany({ where: { workshopId, status: { in: [...ACTIVE_FLOOR_STATUSES] } }, orderBy: { requestedAt: "asc" } }),
  ]);
  const latestRounds = await Promise.all(
    proposals.map((p) => db.voteRound.findFirst({ where: { proposalId: p.id }, orderBy: { openedAt: "desc" }, select: roundSelect })),
  );
  // A floor of any length: every member of a large workshop may be in the queue at once.
  const speakers = await findManyInChunks(
    floor.map((f) => f.userId),
    (chunk) => db.user.findMany({ where: { id: { in: chunk } }, select: { id: true, name: true } }),
  );
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
    proposals,
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
      })),
    serverTime: now.toISOString(),
  };
}
