"use client";
// The proposal's decision panel, live: the chair's controls, the open round, the vote record.
// Everything here follows the workshop's live board; when the proposal's state or its round
// changes, the server-rendered parts of the page (the state badge) are refreshed too.
import { useTranslations } from "next-intl";
import { useRefreshOnChange } from "@/components/ui/use-refresh-on-change";
import type { Role } from "@/lib/domain/vocabulary";
import type { LiveRound, ProposalStateName, WorkshopLive } from "@/lib/protocol";
import { useWorkshopLive } from "@/lib/realtime/use-workshop-live";
import { usePresentDelegations } from "@/components/attendance/attendance";
import type { CastBallot } from "./ballot-form";
import { ChairControls, type ChangeState, type CloseVote, type LockCountdownAction } from "./chair-controls";
import { OpenRound } from "./open-round";
import { OpenVoteForm, type OpenVote } from "./open-vote-form";
import { RoundRecord, type RecordRound } from "./round-record";

export type DecisionActions = { changeState: ChangeState; lockCountdown: LockCountdownAction; openVote: OpenVote; castBallot: CastBallot; closeVote: CloseVote };

type Props = {
  workshopId: string;
  proposalId: string;
  basePath: string;
  viewer: { role: Role; delegationId: string | null };
  initialState: ProposalStateName;
  initialRounds: RecordRound[];
  initialLive: WorkshopLive;
  actions: DecisionActions;
};

/**
 * The record (newest first) with the live board's latest round laid over it: the board is
 * fresher for that round; the record has the older ones. "Previous voted version" is the
 * version of the next older closed round, as the server computes it.
 */
function mergeRounds(record: RecordRound[], latest: LiveRound | null): RecordRound[] {
  const rounds: LiveRound[] = latest ? [latest, ...record.filter((r) => r.id !== latest.id)] : [...record];
  rounds.sort((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt));
  return rounds.map((r, i) => ({ ...r, previousVotedVersion: rounds.slice(i + 1).find((o) => o.status === "CLOSED")?.versionNumber ?? null }));
}

export function DecisionPanel({ workshopId, proposalId, basePath, viewer, initialState, initialRounds, initialLive, actions }: Props) {
  const t = useTranslations("votes.panel");
  const { live, offsetMs } = useWorkshopLive(workshopId, initialLive);
  const { present } = usePresentDelegations(workshopId, initialLive);
  const board = live ?? initialLive;
  const entry = board.proposals.find((p) => p.id === proposalId);
  const state = entry?.state ?? initialState;
  const latest = board.rounds.find((r) => r.proposalId === proposalId) ?? null;
  const rounds = mergeRounds(initialRounds, latest);
  const openRound = rounds[0]?.status === "OPEN" ? rounds[0] : null;
  const finished = rounds.filter((r) => r.status !== "OPEN");
  // An archived workshop can only be read: no chair controls, no ballots, no new votes.
  const isArchived = board.workshop.archivedAt !== null;
  const isChair = viewer.role === "MODERATOR" && !isArchived;
  const voter = viewer.role === "DELEGATE" && !isArchived ? (board.delegations.find((d) => d.id === viewer.delegationId) ?? null) : null;

  // The page's own state badge is server-rendered: refresh it when the state or round moves
  // (or the workshop is archived).
  useRefreshOnChange(`${state}|${latest?.id ?? ""}|${latest?.status ?? ""}|${isArchived}`);

  const canOpenVote = isChair && (state === "DRAFTING" || state === "LOCKED");
  const hasContent = isChair || openRound || finished.length > 0;
  if (!hasContent) return null;
  const [lastFinished, ...earlier] = finished;

  return (
    <section aria-labelledby="decision-heading" className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="decision-heading" className="text-xl font-semibold">
          {t("heading")}
        </h2>
        {isChair && (
          <ChairControls
            state={state}
            openRound={openRound}
            delegationCount={board.delegations.length}
            delegations={board.delegations}
            lockAt={entry?.lockAt ?? null}
            offsetMs={offsetMs}
            changeState={actions.changeState}
            closeVote={actions.closeVote}
            lockCountdown={actions.lockCountdown}
          />
        )}
      </div>

      {openRound && <OpenRound round={openRound} delegations={board.delegations} voter={voter} cast={actions.castBallot} />}

      {lastFinished && (
        <div className={`space-y-3 ${openRound ? "border-t border-slate-200 pt-4" : ""}`}>
          <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{openRound ? t("previousVote") : t("latestVote")}</h3>
          <RoundRecord round={lastFinished} delegations={board.delegations} basePath={basePath} />
        </div>
      )}
      {canOpenVote && (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-4">
          <h3 className="mb-2 font-semibold">{t("putToVote")}</h3>
          <OpenVoteForm
            action={actions.openVote}
            delegationCount={board.delegations.length}
            presentCount={present?.size ?? null}
            defaults={{ rule: board.workshop.defaultVoteRule, quorum: board.workshop.defaultQuorum }}
          />
        </div>
      )}

      {earlier.length > 0 && (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium">{t("earlierVotes", { count: earlier.length })}</summary>
          <div className="mt-4 space-y-6 divide-y divide-slate-100">
            {earlier.map((r) => (
              <div key={r.id} className="pt-4 first:pt-0">
                <RoundRecord round={r} delegations={board.delegations} basePath={basePath} />
              </div>
            ))}
          </div>
        </details>
      )}
    </section>
  );
}
