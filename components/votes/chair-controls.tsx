"use client";
// The chair's buttons for the proposal's life: lock drafting (now or after a countdown the
// delegates see), reopen it, close or cancel the open vote, and withdraw. Closing and cancelling
// a vote ask first in a dialog that says what will happen, in the rule's own terms; withdrawal
// asks in two steps (it cannot be undone and voids an open vote).
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { ErrorAlert } from "@/components/ui/alert";
import { buttonPrimary, buttonSecondary } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { LOCK_COUNTDOWN_SECONDS, type LockCountdown } from "@/lib/domain/proposal-lifecycle";
import type { LiveRound, ProposalStateName } from "@/lib/protocol";
import type { ActionResult } from "@/lib/action-result";
import { ConfirmDialog } from "./confirm-dialog";
import { NotVotedList } from "@/components/votes-quorum/not-voted-list";
import { delegationsNotVoted } from "@/lib/domain/not-voted";
import { countdownInWords, useSecondsLeft } from "./lock-countdown";
import { closingText } from "./vote-words";

export type ChangeState = (change: "lock" | "unlock" | "withdraw") => Promise<ActionResult>;
export type CloseVote = (roundId: string, cancel: boolean) => Promise<ActionResult>;
/** Seconds start a countdown; null cancels it. */
export type LockCountdownAction = (seconds: LockCountdown | null) => Promise<ActionResult>;

const buttonDanger =
  "inline-flex items-center justify-center rounded-md bg-rose-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-rose-800 disabled:cursor-not-allowed disabled:opacity-60";

type Props = {
  state: ProposalStateName;
  openRound: LiveRound | null;
  delegationCount: number;
  /** The workshop's delegations, to name those who have not voted when the chair closes. */
  delegations: ReadonlyArray<{ id: string; name: string }>;
  /** A running "Lock in 30 s" countdown, and the server's clock offset to show it. */
  lockAt: string | null;
  offsetMs: number;
  changeState: ChangeState;
  closeVote: CloseVote;
  lockCountdown: LockCountdownAction;
};

export function ChairControls({ state, openRound, delegationCount, delegations, lockAt, offsetMs, changeState, closeVote, lockCountdown }: Props) {
  const status = useRef<HTMLParagraphElement>(null);
  // After a lock (or reopening) focus lands on the drafting status, which says the result.
  const { run, isPending, result } = useAction({ focusResult: () => status.current });
  const t = useTranslations("votes.chair");
  const tv = useTranslations("votes");
  const r = useTranslations("voteRules");
  const errorText = useErrorText();
  const [isConfirmingWithdraw, setConfirmingWithdraw] = useState(false);
  const [confirming, setConfirming] = useState<"close" | "cancel" | null>(null);
  const secondsLeft = useSecondsLeft(state === "DRAFTING" ? lockAt : null, offsetMs);

  const canWithdraw = state === "DRAFTING" || state === "LOCKED" || state === "VOTING";
  // The state the proposal returns to unless adopted: Locked, else Drafting (a `select` in the messages).
  const returnsTo: ProposalStateName = openRound?.stateBefore === "LOCKED" ? "LOCKED" : "DRAFTING";
  const endVote = (cancel: boolean) => {
    if (!openRound) return;
    run(
      () => closeVote(openRound.id, cancel),
      () => setConfirming(null),
    );
  };
  return (
    <div className="space-y-3">
      {/* Not read out every second while a countdown runs. */}
      <p ref={status} tabIndex={-1} aria-live={secondsLeft !== null ? "off" : "polite"} className="text-sm font-medium text-slate-700 focus:outline-none">
        {state === "DRAFTING" ? (secondsLeft !== null ? countdownInWords(secondsLeft, tv) : t("draftingOpen")) : state === "LOCKED" ? t("draftingLocked") : ""}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {state === "VOTING" && openRound && (
          <>
            <button type="button" className={buttonPrimary} disabled={isPending} onClick={() => setConfirming("close")}>
              {t("closeVote")}
            </button>
            <button type="button" className={buttonSecondary} disabled={isPending} onClick={() => setConfirming("cancel")}>
              {t("cancelVote")}
            </button>
          </>
        )}
        {state === "DRAFTING" && (
          <>
            <button type="button" className={buttonSecondary} disabled={isPending} onClick={() => run(() => changeState("lock"))}>
              {t("lockDrafting")}
            </button>
            {lockAt === null ? (
              LOCK_COUNTDOWN_SECONDS.map((s) => (
                <button key={s} type="button" className={buttonSecondary} disabled={isPending} onClick={() => run(() => lockCountdown(s))}>
                  {t("lockIn", { seconds: s })}
                </button>
              ))
            ) : (
              <button type="button" className={buttonSecondary} disabled={isPending} onClick={() => run(() => lockCountdown(null))}>
                {t("cancelLock")}
              </button>
            )}
          </>
        )}
        {state === "LOCKED" && (
          <button type="button" className={buttonSecondary} disabled={isPending} onClick={() => run(() => changeState("unlock"))}>
            {t("openDrafting")}
          </button>
        )}
        {canWithdraw && !isConfirmingWithdraw && (
          <button type="button" className={`${buttonSecondary} sm:ml-auto`} disabled={isPending} onClick={() => setConfirmingWithdraw(true)}>
            {t("withdraw")}
          </button>
        )}
      </div>
      {openRound && (
        <ConfirmDialog
          isOpen={confirming === "close"}
          title={t("closeTitle")}
          confirmLabel={t("closeConfirm")}
          backLabel={t("keepOpen")}
          isPending={isPending}
          onConfirm={() => endVote(false)}
          onCancel={() => setConfirming(null)}
        >
          <p>
            {closingText(r, {
              rule: openRound.rule,
              quorum: openRound.quorum,
              delegations: delegationCount,
              cast: openRound.voted.length,
              ballots: openRound.ballots?.map((b) => b.choice) ?? null,
            })}
          </p>
          <NotVotedList names={delegationsNotVoted(delegations, openRound.voted).map((d) => d.name)} />
          <p>{t("closeFinal", { state: returnsTo })}</p>
        </ConfirmDialog>
      )}
      {openRound && (
        <ConfirmDialog
          isOpen={confirming === "cancel"}
          title={t("cancelTitle")}
          confirmLabel={t("cancelConfirm")}
          backLabel={t("keepOpen")}
          isPending={isPending}
          onConfirm={() => endVote(true)}
          onCancel={() => setConfirming(null)}
        >
          <p>{t("cancelBody", { count: openRound.voted.length, state: returnsTo })}</p>
        </ConfirmDialog>
      )}
      {canWithdraw && isConfirmingWithdraw && (
        <div role="group" aria-label={t("withdrawGroup")} className="space-y-3 rounded-md border border-rose-300 bg-rose-50 p-4">
          <p className="text-sm text-rose-950">
            {state === "VOTING" ? t("withdrawQuestionVoting") : t("withdrawQuestion")}
          </p>
          <div className="flex flex-wrap gap-2">
            {/* Focus moves to the decision just opened, for keyboard and screen-reader users. */}
            <button type="button" className={buttonDanger} disabled={isPending} autoFocus onClick={() => run(() => changeState("withdraw"), () => setConfirmingWithdraw(false))}>
              {isPending ? t("withdrawing") : t("confirmWithdraw")}
            </button>
            <button type="button" className={buttonSecondary} disabled={isPending} onClick={() => setConfirmingWithdraw(false)}>
              {t("keepProposal")}
            </button>
          </div>
        </div>
      )}
      {result && !result.ok && <ErrorAlert>{errorText(result)}</ErrorAlert>}
    </div>
  );
}
