"use client";
// The chair's buttons for the proposal's life: lock or reopen drafting, close or cancel the
// open vote, and withdraw (two steps: it cannot be undone and voids an open vote).
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { buttonPrimary, buttonSecondary } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { ProposalStateName } from "@/lib/protocol";
import type { ActionResult } from "@/lib/action-result";

export type ChangeState = (change: "lock" | "unlock" | "withdraw") => Promise<ActionResult>;
export type CloseVote = (roundId: string, cancel: boolean) => Promise<ActionResult>;

const buttonDanger =
  "inline-flex items-center justify-center rounded-md bg-rose-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-rose-800 disabled:cursor-not-allowed disabled:opacity-60";

type Props = { state: ProposalStateName; openRoundId: string | null; changeState: ChangeState; closeVote: CloseVote };

export function ChairControls({ state, openRoundId, changeState, closeVote }: Props) {
  const { run, isPending, error } = useAction();
  const [isConfirmingWithdraw, setConfirmingWithdraw] = useState(false);

  const canWithdraw = state === "DRAFTING" || state === "LOCKED" || state === "VOTING";
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {state === "VOTING" && openRoundId && (
          <>
            <button type="button" className={buttonPrimary} disabled={isPending} onClick={() => run(() => closeVote(openRoundId, false))}>
              Close vote
            </button>
            <button type="button" className={buttonSecondary} disabled={isPending} onClick={() => run(() => closeVote(openRoundId, true))}>
              Cancel vote
            </button>
          </>
        )}
        {state === "DRAFTING" && (
          <button type="button" className={buttonSecondary} disabled={isPending} onClick={() => run(() => changeState("lock"))}>
            Lock drafting
          </button>
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
