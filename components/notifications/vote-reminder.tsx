"use client";
// "Your delegation has not voted": shown to each delegate while a round is open and nobody of
// their delegation has cast a ballot, on the workshop board and the proposal page. Follows the
// live board, so it goes the moment any delegate of the delegation casts.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ballotHref, roundsAwaitingBallot } from "@/lib/domain/notifications";
import type { Role } from "@/lib/domain/vocabulary";
import type { WorkshopLive } from "@/lib/protocol";
import { useWorkshopLive } from "@/lib/realtime/use-workshop-live";

type Props = {
  workshopId: string;
  viewer: { role: Role; delegationId: string | null };
  initialLive: WorkshopLive;
  /** On a proposal's page, only that proposal's vote. */
  proposalId?: string;
};

export function VoteReminder({ workshopId, viewer, initialLive, proposalId }: Props) {
  const t = useTranslations("notifications");
  const { live } = useWorkshopLive(workshopId, initialLive);
  const board = live ?? initialLive;
  const rounds = board.rounds.filter((r) => proposalId === undefined || r.proposalId === proposalId);
  const owed = roundsAwaitingBallot({ ...viewer, isArchived: board.workshop.archivedAt !== null }, rounds);
  const title = (id: string) => board.proposals.find((p) => p.id === id)?.title ?? t("reminder.thisProposal");

  // Always in the page, so its appearing (a vote opened) is announced; politely, not as an alarm.
  return (
    <div role="status" aria-live="polite">
      {owed.map((r) => (
        <p key={r.id} className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <span className="font-semibold">{t("reminder.notVoted")}</span>
          <span>{t("reminder.on", { title: title(r.proposalId) })}</span>
          <Link href={ballotHref({ workshopId, proposalId: r.proposalId })} className="font-semibold underline">
            {t("reminder.goToBallot")}
          </Link>
        </p>
      ))}
    </div>
  );
}
