"use server";

import { CHAIR_STATE_CHANGES, LOCK_COUNTDOWN_SECONDS } from "@/lib/domain/proposal-lifecycle";
import { z } from "zod";
import { db } from "@/lib/db";
import { Id, PreviousState, Text, formFields } from "@/server/actions/arguments";
import { defineAction, type Revalidation } from "@/server/actions/define-action";
import { realtime } from "@/server/realtime/global";
import { changeProposalState } from "@/server/services/proposals/change-proposal-state";
import { cancelLock, scheduleLock } from "@/server/services/proposals/lock-countdown";
import { lockTimers } from "@/server/services/proposals/lock-timers";
import { OpenVoteInput, openVoteRound } from "@/server/services/votes/open-vote-round";
import { BallotInput, castBallot } from "@/server/services/votes/cast-ballot";
import { closeVoteRound } from "@/server/services/votes/close-vote-round";
import { setCurrentItem } from "@/server/services/workshop/set-current-item";
import { endFloor, giveFloor, requestFloor, withdrawFloorRequest } from "@/server/services/floor/speaking-queue";

// Thin: who is asking comes from the session, the use case authorizes and tells the live board;
// the caller's own page is refreshed here, everyone else's by the live board.

/**
 * Every page of the workshop shows agenda state, so refresh the workshop's whole subtree — also
 * after a refusal: "the state does not allow this" mostly means this page is behind.
 */
const refreshWorkshop = {
  paths: ({ workshopId }: { workshopId: string }): Revalidation[] => [{ path: `/workshops/${workshopId}`, type: "layout" }],
  after: "any-outcome",
} as const;

export const changeProposalStateAction = defineAction(
  {
    args: ["workshopId", "proposalId", "change"],
    input: z.object({ workshopId: Id, proposalId: Id, change: z.enum(CHAIR_STATE_CHANGES) }),
    revalidate: refreshWorkshop,
  },
  async ({ proposalId, change }, { userId }) => {
    await changeProposalState({ db: db(), live: realtime().live, userId, proposalId, change, now: new Date() });
  },
);

// "Lock in 30 s" (seconds) or "Cancel lock" (null). The live board carries the countdown to
// every open page, this one included: nothing server-rendered to refresh.
export const lockCountdownAction = defineAction(
  {
    args: ["workshopId", "proposalId", "seconds"],
    input: z.object({ workshopId: Id, proposalId: Id, seconds: z.literal(LOCK_COUNTDOWN_SECONDS).nullable() }),
  },
  async ({ proposalId, seconds }, { userId }) => {
    const common = { db: db(), live: realtime().live, timers: lockTimers(), userId, proposalId };
    if (seconds === null) await cancelLock(common);
    else await scheduleLock({ ...common, seconds, now: new Date() });
  },
);

export const openVoteAction = defineAction(
  {
    args: ["workshopId", "proposalId", "previous", "form"],
    input: z.object({
      workshopId: Id,
      proposalId: Id,
      previous: PreviousState,
      // An unticked checkbox is not sent at all.
      // The quorum number is not sent while "present when the vote opens" is chosen (disabled).
      form: formFields({ question: Text, rule: OpenVoteInput.shape.rule, quorum: Text.optional(), quorumMode: Text.optional(), isOpenBallot: Text.optional() }),
    }),
    revalidate: refreshWorkshop,
  },
  async ({ proposalId, form }, { userId }) => {
    const { rooms, live } = realtime();
    await openVoteRound({
      db: db(),
      rooms,
      live,
      userId,
      proposalId,
      input: {
        question: form.question,
        rule: form.rule,
        // An empty field is "no quorum given", not 0 (which Number("") would make it).
        quorum: form.quorum === undefined || form.quorum.trim() === "" ? undefined : Number(form.quorum),
        quorumMode: form.quorumMode === "PRESENT" ? "PRESENT" : "NUMBER",
        isOpenBallot: form.isOpenBallot === "on",
      },
      now: new Date(),
    });
  },
);

// Nothing server-rendered changes with a ballot: the live board carries who has voted.
export const castBallotAction = defineAction(
  {
    args: ["roundId", "choice", "explanation"],
    input: z.object({ roundId: Id, choice: BallotInput.shape.choice, explanation: Text }),
  },
  async ({ roundId, choice, explanation }, { userId }) => {
    await castBallot({ db: db(), live: realtime().live, userId, input: { roundId, choice, explanation: explanation.trim() || undefined }, now: new Date() });
  },
);

export const closeVoteAction = defineAction(
  {
    args: ["workshopId", "roundId", "cancel"],
    input: z.object({ workshopId: Id, roundId: Id, cancel: z.boolean() }),
    revalidate: refreshWorkshop,
  },
  async ({ roundId, cancel }, { userId }) => {
    await closeVoteRound({ db: db(), live: realtime().live, userId, roundId, cancel, now: new Date() });
  },
);

export const setCurrentItemAction = defineAction(
  {
    args: ["workshopId", "proposalId"],
    // null takes the current item off the floor.
    input: z.object({ workshopId: Id, proposalId: Id.nullable() }),
    revalidate: refreshWorkshop,
  },
  ({ workshopId, proposalId }, { userId }) => setCurrentItem({ db: db(), live: realtime().live, userId, workshopId, proposalId }),
);

// The speaking queue is on the live board only: nothing server-rendered to refresh.

export const requestFloorAction = defineAction(
  { args: ["workshopId"], input: z.object({ workshopId: Id }) },
  async ({ workshopId }, { userId }) => {
    await requestFloor({ db: db(), live: realtime().live, rooms: realtime().rooms, userId, workshopId, now: new Date() });
  },
);

export const withdrawFloorAction = defineAction(
  { args: ["workshopId"], input: z.object({ workshopId: Id }) },
  ({ workshopId }, { userId }) => withdrawFloorRequest({ db: db(), live: realtime().live, userId, workshopId, now: new Date() }),
);

export const giveFloorAction = defineAction(
  {
    args: ["workshopId", "requestId", "limitSeconds"],
    // The use case keeps the range (15 s – 30 min) and its message.
    input: z.object({ workshopId: Id, requestId: Id, limitSeconds: z.number() }),
  },
  ({ workshopId, requestId, limitSeconds }, { userId }) => giveFloor({ db: db(), live: realtime().live, userId, workshopId, input: { requestId, limitSeconds }, now: new Date() }),
);

export const endFloorAction = defineAction(
  { args: ["workshopId"], input: z.object({ workshopId: Id }) },
  ({ workshopId }, { userId }) => endFloor({ db: db(), live: realtime().live, userId, workshopId, now: new Date() }),
);
