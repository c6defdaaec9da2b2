"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { currentUser } from "@/server/auth/session";
import { runAction, type ActionResult } from "@/server/actions/run-action";
import { realtime } from "@/server/realtime/global";
import { changeProposalState } from "@/server/services/change-proposal-state";
import { openVoteRound } from "@/server/services/open-vote-round";
import { castBallot } from "@/server/services/cast-ballot";
import { closeVoteRound } from "@/server/services/close-vote-round";
import { setCurrentItem } from "@/server/services/set-current-item";
import { endFloor, giveFloor, requestFloor, withdrawFloorRequest } from "@/server/services/speaking-queue";

// Thin: who is asking comes from the session, the use case authorizes and tells the live board;
// the caller's own page is refreshed here, everyone else's by the live board.

type Done = ActionResult<undefined>;

function done<T>(result: ActionResult<T>): Done {
  return result.ok ? { ok: true, data: undefined } : result;
}

/** Every page of the workshop shows agenda state, so refresh the workshop's whole subtree. */
function refresh(workshopId: string): void {
  revalidatePath(`/workshops/${workshopId}`, "layout");
}

async function userId(): Promise<string | null> {
  return (await currentUser())?.id ?? null;
}

export async function changeProposalStateAction(workshopId: string, proposalId: string, change: "lock" | "unlock" | "withdraw"): Promise<Done> {
  const uid = await userId();
  const result = await runAction(() => changeProposalState({ db: db(), live: realtime().live, userId: uid, proposalId, change, now: new Date() }));
  refresh(workshopId);
  return done(result);
}

export async function openVoteAction(workshopId: string, proposalId: string, _prev: unknown, form: FormData): Promise<Done> {
  const uid = await userId();
  const { rooms, live } = realtime();
  const result = await runAction(() =>
    openVoteRound({
      db: db(),
      rooms,
      live,
      userId: uid,
      proposalId,
      input: {
        question: String(form.get("question") ?? ""),
        rule: String(form.get("rule") ?? "") as "CONSENSUS",
        // An empty field is "no quorum given", not 0 (which Number("") would make it).
        quorum: String(form.get("quorum") ?? "").trim() === "" ? Number.NaN : Number(form.get("quorum")),
        isOpenBallot: form.get("isOpenBallot") === "on",
      },
      now: new Date(),
    }),
  );
  refresh(workshopId);
  return done(result);
}

export async function castBallotAction(roundId: string, choice: "YES" | "NO" | "ABSTAIN", explanation: string): Promise<Done> {
  const uid = await userId();
  const result = await runAction(() =>
    castBallot({ db: db(), live: realtime().live, userId: uid, input: { roundId, choice, explanation: explanation.trim() || undefined }, now: new Date() }),
  );
  // Nothing server-rendered changes with a ballot: the live board carries who has voted.
  return done(result);
}

export async function closeVoteAction(workshopId: string, roundId: string, cancel: boolean): Promise<Done> {
  const uid = await userId();
  const result = await runAction(() => closeVoteRound({ db: db(), live: realtime().live, userId: uid, roundId, cancel, now: new Date() }));
  refresh(workshopId);
  return done(result);
}

export async function setCurrentItemAction(workshopId: string, proposalId: string | null): Promise<Done> {
  const uid = await userId();
  const result = await runAction(() => setCurrentItem({ db: db(), live: realtime().live, userId: uid, workshopId, proposalId }));
  refresh(workshopId);
  return done(result);
}

export async function requestFloorAction(workshopId: string): Promise<Done> {
  const uid = await userId();
  return done(await runAction(() => requestFloor({ db: db(), live: realtime().live, userId: uid, workshopId, now: new Date() })));
}

export async function withdrawFloorAction(workshopId: string): Promise<Done> {
  const uid = await userId();
  return done(await runAction(() => withdrawFloorRequest({ db: db(), live: realtime().live, userId: uid, workshopId, now: new Date() })));
}

export async function giveFloorAction(workshopId: string, requestId: string, limitSeconds: number): Promise<Done> {
  const uid = await userId();
  return done(await runAction(() => giveFloor({ db: db(), live: realtime().live, userId: uid, workshopId, input: { requestId, limitSeconds }, now: new Date() })));
}

export async function endFloorAction(workshopId: string): Promise<Done> {
  const uid = await userId();
  return done(await runAction(() => endFloor({ db: db(), live: realtime().live, userId: uid, workshopId, now: new Date() })));
}
