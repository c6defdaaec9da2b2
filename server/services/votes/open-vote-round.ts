import { z } from "zod";
import type { Db } from "../../../lib/db.ts";
import { statesAllowing } from "../../../lib/domain/proposal-lifecycle.ts";
import { VOTE_RULES } from "../../../lib/domain/vocabulary.ts";
import { QUORUM_MODES, resolveQuorum } from "../../../lib/domain/quorum.ts";
import { AppError } from "../../../lib/errors.ts";
import type { LiveDocuments } from "../live-documents.ts";
import { authorize } from "../authorize.ts";
import { cutVersion } from "../history/cut-version.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { notifyProposal } from "../notifications/notify.ts";

export const OpenVoteInput = z.object({
  question: z.string().trim().min(3, "Write the question put to the vote.").max(500),
  rule: z.enum(VOTE_RULES),
  // Ignored when the quorum is "the delegations present when the vote opens".
  quorum: z.coerce.number().int().min(0, "The quorum cannot be negative.").max(200).optional(),
  quorumMode: z.enum(QUORUM_MODES).default("NUMBER"),
  isOpenBallot: z.boolean().default(false),
}).refine((v) => v.quorumMode === "PRESENT" || v.quorum !== undefined, { message: "Give the quorum as a number.", path: ["quorum"] });

/**
 * Opens a vote on the exact current text: edits stop first, then — in one transaction — the
 * proposal moves to VOTING, a VOTE version of the frozen text is cut, and the round is created.
 * If anything fails, nothing is written and the proposal goes on as it was.
 */
export async function openVoteRound(opts: {
  db: Db;
  rooms: LiveDocuments;
  live: LiveNotifier;
  userId: string | null;
  proposalId: string;
  input: z.input<typeof OpenVoteInput>;
  now: Date;
}) {
  const { proposal, membership } = await authorize({ db: opts.db, userId: opts.userId, action: "vote.open", proposalId: opts.proposalId });
  const parsed = OpenVoteInput.safeParse(opts.input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const delegations = await opts.db.delegation.count({ where: { workshopId: proposal!.workshopId } });
  if (parsed.data.quorumMode === "NUMBER" && parsed.data.quorum! > delegations) {
    throw new AppError("INVALID_INPUT", `The quorum cannot exceed the ${delegations} delegations of this workshop.`);
  }
  // "Present" is resolved once, now, and stored as a number: people leaving mid-vote change nothing.
  const present = parsed.data.quorumMode === "PRESENT" ? ((await opts.live.presentDelegations?.(proposal!.workshopId))?.length ?? 0) : 0;
  const quorum = resolveQuorum(parsed.data.quorumMode === "PRESENT" ? { mode: "PRESENT" } : { mode: "NUMBER", count: parsed.data.quorum! }, { delegations, present });
  const input = { ...parsed.data, quorum };

  // Edits stop first; the version below is exactly the frozen text, all of it durable.
  const round = await opts.rooms.freezeAndCut(opts.proposalId, "VOTING", async (tx, text) => {
    // The state it leaves is recorded on the round: a vote that does not adopt returns to it.
    const before = await tx.proposal.findUnique({ where: { id: opts.proposalId }, select: { state: true } });
    const stateBefore = before && statesAllowing("openVote").includes(before.state) ? before.state : null;
    if (!stateBefore) throw new AppError("WRONG_STATE");
    // Conditional on that state; a pending "lock in 30 s" has nothing left to lock.
    const { count } = await tx.proposal.updateMany({ where: { id: opts.proposalId, state: stateBefore }, data: { state: "VOTING", lockAt: null } });
    if (count === 0) throw new AppError("WRONG_STATE");
    const version = await cutVersion(tx, {
      proposalId: opts.proposalId,
      workshopId: proposal!.workshopId,
      frozen: text.frozen,
      kind: "VOTE",
      label: `Put to the vote: ${input.question}`.slice(0, 200),
      authorId: membership.userId,
      editors: text.editors,
      now: opts.now,
    });
    const created = await tx.voteRound.create({
      data: { proposalId: opts.proposalId, versionId: version!.id, question: input.question, rule: input.rule, quorum: input.quorum, isOpenBallot: input.isOpenBallot, stateBefore, openedById: membership.userId, openedAt: opts.now },
    });
    await recordAudit(tx, {
      workshopId: proposal!.workshopId,
      proposalId: opts.proposalId,
      actorId: membership.userId,
      action: "vote.open",
      detail: { roundId: created.id, version: version!.number, rule: input.rule, quorum: input.quorum, isOpenBallot: input.isOpenBallot },
    });
    await notifyProposal(tx, { kind: "vote.open", proposalId: opts.proposalId, except: membership.userId });
    return { ...created, versionNumber: version!.number };
  });
  opts.live.proposalState(opts.proposalId, "VOTING");
  opts.live.workshopChanged(proposal!.workshopId);
  return round;
}
