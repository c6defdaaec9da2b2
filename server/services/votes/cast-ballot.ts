import { z } from "zod";
import { isUniqueViolation } from "../../../lib/storage-errors.ts";
import type { Db } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";
import { decide } from "../../../lib/domain/access.ts";
import { BALLOT_CHOICES } from "../../../lib/domain/vocabulary.ts";
import { authorize } from "../authorize.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { recordAudit } from "../audit/record-audit.ts";

export const BallotInput = z
  .object({
    roundId: z.string({ error: "give the round as its id." }).min(1).max(64),
    choice: z.enum(BALLOT_CHOICES, { error: `choose one of ${BALLOT_CHOICES.join(", ")}.` }),
    // Anything but text (a number, an object) is refused here by name, never reaches the database.
    explanation: z.string({ error: "write it as text." }).trim().max(2000, "keep it under 2,000 characters.").optional(),
  })
  // Strict: a ballot never names its delegation (that comes from the session), so a payload
  // that tries to is refused rather than silently trimmed.
  .strict();

/** The words a refusal names each field by ("Explanation: write it as text."). */
const FIELD_NAMES: Record<string, string> = { roundId: "Round", choice: "Choice", explanation: "Explanation" };

/** A refused ballot's message, naming the field at fault. */
function refusalMessage(issue: z.core.$ZodIssue | undefined): string | undefined {
  if (!issue) return undefined;
  const field = FIELD_NAMES[String(issue.path[0])];
  return field ? `${field}: ${issue.message}` : issue.message;
}

/**
 * Casts (or changes) the caller's delegation's ballot. The delegation is the caller's own,
 * from the session; one ballot per delegation per round is the database's unique constraint,
 * so two delegates of one delegation casting at the same instant leave one ballot (the later).
 */
export async function castBallot(opts: { db: Db; live: LiveNotifier; userId: string | null; input: z.input<typeof BallotInput>; now: Date }) {
  const parsed = BallotInput.safeParse(opts.input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", refusalMessage(parsed.error.issues[0]));
  const { roundId, choice } = parsed.data;
  const explanation = parsed.data.explanation || null;
  const round = await opts.db.voteRound.findUnique({ where: { id: roundId }, select: { proposalId: true, status: true, isOpenBallot: true } });
  if (!round) throw new AppError("NOT_FOUND");
  // Members learn that a round is closed; everyone else learns nothing.
  const { membership, proposal, isArchived } = await authorize({ db: opts.db, userId: opts.userId, action: "proposal.view", proposalId: round.proposalId });
  if (round.status !== "OPEN") throw new AppError("ROUND_CLOSED");
  // The second check must see the archive too: proposal.view (a read) is allowed in an archived workshop.
  const decision = decide(membership.role, "vote.cast", proposal!.state, { archived: isArchived });
  if (!decision.allowed) throw new AppError(decision.code === "WRONG_STATE" || decision.code === "ARCHIVED" ? decision.code : "FORBIDDEN");
  const delegationId = membership.delegationId;
  if (!delegationId) throw new AppError("NO_DELEGATION");

  const write = () =>
    opts.db.$transaction(async (tx) => {
      // Claim the open round first: this conditional (no-op) update takes the round's row lock,
      // which closeVoteRound's own conditional update also needs. On PostgreSQL a close waits for
      // this ballot to commit and then counts it, and a cast behind a close sees CLOSED here
      // (SQLite transactions start with BEGIN IMMEDIATE and are serialised anyway).
      const open = await tx.voteRound.updateMany({ where: { id: roundId, status: "OPEN" }, data: { status: "OPEN" } });
      if (open.count === 0) throw new AppError("ROUND_CLOSED");
      const existing = await tx.ballot.findUnique({ where: { roundId_delegationId: { roundId, delegationId } }, select: { id: true } });
      if (existing) await tx.ballot.update({ where: { id: existing.id }, data: { choice, explanation, castById: membership.userId, castAt: opts.now } });
      else await tx.ballot.create({ data: { roundId, delegationId, choice, explanation, castById: membership.userId, castAt: opts.now } });
      await recordAudit(tx, {
        workshopId: proposal!.workshopId,
        proposalId: round.proposalId,
        actorId: membership.userId,
        action: existing ? "ballot.change" : "ballot.cast",
        // A secret ballot's choice stays out of the log until the round is closed.
        detail: { roundId, delegationId, ...(round.isOpenBallot ? { choice } : {}) },
      });
    });
  try {
    await write();
  } catch (e) {
    // Lost a race with a colleague of the same delegation: their row exists now; update it.
    if (!isUniqueViolation(e)) throw e;
    await write();
  }
  opts.live.workshopChanged(proposal!.workshopId);
  return { delegationId, choice };
}
