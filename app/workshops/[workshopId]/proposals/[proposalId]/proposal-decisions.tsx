// Lives beside the page (not in components/) because it loads data through server use cases.
// Everything about deciding on one proposal, mounted by the proposal page: the speaking queue
// (compact), "Follow the chair", notifications and the decision panel. A server component: it
// loads the record and the live board once for the first paint; the client parts then follow
// the live board on the tab's socket.
import { currentUser } from "@/server/auth/session";
import { voteRounds, workshopLive, workshopOverview } from "./page-data";
import {
  castBallotAction,
  changeProposalStateAction,
  closeVoteAction,
  endFloorAction,
  lockCountdownAction,
  giveFloorAction,
  openVoteAction,
  requestFloorAction,
  withdrawFloorAction,
} from "@/app/workshops/[workshopId]/decision-actions";
import { FollowChair } from "@/components/agenda/follow-chair";
import { SpeakingQueue } from "@/components/floor/speaking-queue";
import { VoteReminder } from "@/components/notifications/vote-reminder";
import { WorkshopNotifications } from "@/app/workshops/[workshopId]/workshop-notifications";
import { DecisionPanel } from "@/components/votes/decision-panel";

export async function ProposalDecisions({ workshopId, proposalId }: { workshopId: string; proposalId: string }) {
  const user = await currentUser();
  // The page has already checked membership and that the proposal is in this workshop.
  if (!user) return null;
  // Read once per request (page-data.ts): the page started these with its own reads.
  const [overview, rounds, live] = await Promise.all([workshopOverview(user.id, workshopId), voteRounds(user.id, proposalId), workshopLive(workshopId)]);
  const proposal = overview.proposals.find((p) => p.id === proposalId);
  if (!proposal) return null;
  const { viewer } = overview;

  return (
    <div className="space-y-4">
      <VoteReminder workshopId={workshopId} proposalId={proposalId} viewer={{ role: viewer.role, delegationId: viewer.delegationId }} initialLive={live} />
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1 basis-full sm:basis-0">
          {/* Nobody takes the floor in an archived workshop (archiving emptied the queue). */}
          {overview.workshop.archivedAt === null && (
            <SpeakingQueue
              compact
              workshopId={workshopId}
              viewer={{ userId: user.id, role: viewer.role }}
              initialLive={live}
              actions={{
                request: requestFloorAction.bind(null, workshopId),
                withdraw: withdrawFloorAction.bind(null, workshopId),
                give: giveFloorAction.bind(null, workshopId),
                end: endFloorAction.bind(null, workshopId),
              }}
            />
          )}
        </div>
        {viewer.role !== "MODERATOR" && <FollowChair workshopId={workshopId} initialLive={live} />}
        <WorkshopNotifications workshopId={workshopId} />
      </div>
      <DecisionPanel
        workshopId={workshopId}
        proposalId={proposalId}
        basePath={`/workshops/${workshopId}/proposals/${proposalId}`}
        viewer={{ role: viewer.role, delegationId: viewer.delegationId }}
        initialState={proposal.state}
        initialRounds={rounds}
        initialLive={live}
        actions={{
          changeState: changeProposalStateAction.bind(null, workshopId, proposalId),
          lockCountdown: lockCountdownAction.bind(null, workshopId, proposalId),
          openVote: openVoteAction.bind(null, workshopId, proposalId),
          castBallot: castBallotAction,
          closeVote: closeVoteAction.bind(null, workshopId),
        }}
      />
    </div>
  );
}
