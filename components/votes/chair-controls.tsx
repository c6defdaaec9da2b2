"use client";
// The chair's buttons for the proposal's life: lock drafting (now or after a countdown the
// delegates see), reopen it, close or cancel the open vote, and withdraw. Closing and cancelling
// a vote ask first in a dialog that says what will happen, in the rule's own terms; withdrawal
// asks in two steps (it cannot be undone and voids an open vote).
import { useRef, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { buttonPrimary, buttonSecondary } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { LOCK_COUNTDOWN_SECONDS, type LockCountdown } from "@/lib/domain/proposal-lifecycle";
import { closingConsequence } from "@/lib/domain/tally";
import type { LiveRound, ProposalStateName } from "@/lib/protocol";
import type { ActionResult } from "@/lib/action-result";
import { ConfirmDialog } from "./confirm-dialog";
import { NotVotedList } from "@/components/votes-quorum/not-voted-list";
import { delegationsNotVoted } from "@/lib/domain/not-voted";
import { countdownInWords, useSecondsLeft } from "./lock-countdown";
import { plural } from "./vote-words";

export type ChangeState = (change: "lock" | "unlock" | "withdraw") => Promise<ActionResult>;
export type CloseVote = (roundId: string, cancel: boolean) => Promise<ActionResult>;
/** Seconds start a countdown; null cancels it. */
export type LockCountdownAction = (seconds: LockCountdown | null) => Promise<ActionResult>;

const buttonDanger =
  "inline-flex items-center justify-center rounded-md bg-rose-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-rose-800 disabled:cursor-not-allowed disabled:opacity-60";

const STATE_WORDS: Partial<Record<ProposalStateName, string>> = { DRAFTING: "Drafting", LOCKED: "Locked" };

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
  const { run, isPending, error } = useAction({ focusResult: () => status.current });
  const [isConfirmingWithdraw, setConfirmingWithdraw] = useState(false);
  const [confirming, setConfirming] = useState<"close" | "cancel" | null>(null);
  const secondsLeft = useSecondsLeft(state === "DRAFTING" ? lockAt : null, offsetMs);

  const canWithdraw = state === "DRAFTING" || state === "LOCKED" || state === "VOTING";
  const returnsTo = STATE_WORDS[openRound?.stateBefore ?? "DRAFTING"] ?? "Drafting";
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
        {state === "DRAFTING" ? (secondsLeft !== null ? countdownInWords(secondsLeft) : "Drafting is open.") : state === "LOCKED" ? "Drafting is locked." : ""}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {state === "VOTING" && openRound && (
          <>
            <button type="button" className={buttonPrimary} disabled={isPending} onClick={() => setConfirming("close")}>
              Close vote
            </button>
            <button type="button" className={buttonSecondary} disabled={isPending} onClick={() => setConfirming("cancel")}>
              Cancel vote
            </button>
          </>
        )}
        {state === "DRAFTING" && (
          <>
            <button type="button" className={buttonSecondary} disabled={isPending} onClick={() => run(() => changeState("lock"))}>
              Lock drafting
            </button>
            {lockAt === null ? (
              LOCK_COUNTDOWN_SECONDS.map((s) => (
                <button key={s} type="button" className={buttonSecondary} disabled={isPending} onClick={() => run(() => lockCountdown(s))}>
                  Lock in {s} s
                </button>
              ))
            ) : (
              <button type="button" className={buttonSecondary} disabled={isPending} onClick={() => run(() => lockCountdown(null))}>
                Cancel lock
              </button>
            )}
          </>
        )}
        {state === "LOCKED" && (
          <button type="button" className={buttonSecondary} disabled={isPending} onClick={() => run(() => changeState("unlock"))}>
            Open drafting
          </button>
        )}
        {canWithdraw && !isConfirmingWithdraw && (
          <button type="button" className={`${buttonSecondary} sm:ml-auto`} disabled={isPending} onClick={() => setConfirmingWithdraw(true)}>
            Withdraw proposal
          </button>
        )}
      </div>
      {openRound && (
        <ConfirmDialog
          isOpen={confirming === "close"}
          title="Close the vote?"
          confirmLabel="Close the vote now"
          backLabel="Keep the vote open"
          isPending={isPending}
          onConfirm={() => endVote(false)}
          onCancel={() => setConfirming(null)}
        >
          <p>
            {closingConsequence({
              rule: openRound.rule,
              quorum: openRound.quorum,
              delegations: delegationCount,
              cast: openRound.voted.length,
              ballots: openRound.ballots?.map((b) => b.choice) ?? null,
            })}
          </p>
          <NotVotedList names={delegationsNotVoted(delegations, openRound.voted).map((d) => d.name)} />
          <p>The result is final. Unless adopted, the proposal returns to {returnsTo}.</p>
        </ConfirmDialog>
      )}
      {openRound && (
        <ConfirmDialog
          isOpen={confirming === "cancel"}
          title="Cancel the vote?"
          confirmLabel="Cancel the vote now"
          backLabel="Keep the vote open"
          isPending={isPending}
          onConfirm={() => endVote(true)}
          onCancel={() => setConfirming(null)}
        >
          <p>
            Cancelling voids this round: no result is recorded and the {plural(openRound.voted.length, "ballot")} cast so far are set aside. The proposal
            returns to {returnsTo}.
          </p>
        </ConfirmDialog>
      )}
      {canWithdraw && isConfirmingWithdraw && (
        <div role="group" aria-label="Confirm withdrawal" className="space-y-3 rounded-md border border-rose-300 bg-rose-50 p-4">
          <p className="text-sm text-rose-950">
            Withdraw this proposal from the agenda? Drafting stops for good{state === "VOTING" ? " and the open vote is cancelled" : ""}. This cannot be undone.
          </p>
          <div className="flex flex-wrap gap-2">
            {/* Focus moves to the decision just opened, for keyboard and screen-reader users. */}
            <button type="button" className={buttonDanger} disabled={isPending} autoFocus onClick={() => run(() => changeState("withdraw"), () => setConfirmingWithdraw(false))}>
              {isPending ? "Withdrawing…" : "Confirm withdrawal"}
            </button>
            <button type="button" className={buttonSecondary} disabled={isPending} onClick={() => setConfirmingWithdraw(false)}>
              Keep the proposal
            </button>
          </div>
        </div>
      )}
      {error && <ErrorAlert>{error}</ErrorAlert>}
    </div>
  );
}
