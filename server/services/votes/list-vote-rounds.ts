import type { Db } from "../../../lib/db.ts";
import { authorize } from "../authorize.ts";
import { roundSelect, toLiveRound } from "../workshop/get-workshop-live.ts";

/**
 * The proposal's vote record, newest first: each round with the exact version it was about and,
 * for Compare, the version of the previous closed round (null for the first).
 */
export async function listVoteRounds(opts: { db: Db; userId: string | null; proposalId: string }) {
  await authorize({ db: opts.db, userId: opts.userId, action: "proposal.view", proposalId: opts.proposalId });
  const rounds = await opts.db.voteRound.findMany({ where: { proposalId: opts.proposalId }, orderBy: { openedAt: "asc" }, select: roundSelect });
  let previousVoted: number | null = null;
  const out = rounds.map((r) => {
    const round = { ...toLiveRound(r), previousVotedVersion: previousVoted };
    if (r.status === "CLOSED") previousVoted = r.version.number;
    return round;
  });
  return out.reverse();
}
