// The workshop's live board: what every workshop page shows live (agenda, the item on the floor,
// votes, the speaking queue). The server builds it (server/services/workshop/get-workshop-live.ts)
// and sends it whole over the socket protocol (lib/protocol.ts: "workshop:join", "workshop:live").
import type { Progress } from "./domain/drafting.ts";
import type { ActiveFloorStatus, BallotChoice, ProposalState, VoteRule, VoteStatus } from "./domain/vocabulary.ts";

export type LiveRound = {
  id: string;
  proposalId: string;
  question: string;
  rule: VoteRule;
  quorum: number;
  isOpenBallot: boolean;
  status: VoteStatus;
  versionNumber: number;
  openedAt: string;
  closedAt: string | null;
  /** Where the proposal returns when this vote does not adopt or is cancelled. */
  stateBefore: ProposalState;
  /** Delegations that have cast a ballot (always public: everyone sees who has voted). */
  voted: string[];
  /** How each delegation voted: only once closed, or all along for an open ballot. */
  ballots: Array<{ delegationId: string; choice: BallotChoice; explanation: string | null }> | null;
  tally: {
    yes: number;
    no: number;
    abstain: number;
    cast: number;
    quorum: number;
    isQuorate: boolean;
    isAdopted: boolean;
    reason: string;
  } | null;
};

/** A restore of an earlier version: version `from`'s text became version `to`. */
export type LiveRestore = { from: number; to: number; at: string };

/** One request in the speaking queue: the speaker, or someone waiting. */
export type LiveFloorEntry = {
  id: string;
  userId: string;
  name: string;
  delegationId: string | null;
  status: ActiveFloorStatus;
  requestedAt: string;
  startedAt: string | null;
  limitSeconds: number | null;
  /** Asked for during a reading: the paragraph it is about (its number in that proposal then). */
  paragraph: { proposalId: string; number: number } | null;
};

/**
 * The workshop's own details: pages refresh when they change (edited, archived), and the
 * open-vote form starts from the vote defaults.
 */
export type LiveWorkshopDetails = {
  title: string;
  description: string;
  /** IANA zone of the venue. */
  timeZone: string;
  defaultVoteRule: VoteRule;
  defaultQuorum: number;
  /** Set once archived: read-only for everyone from then on. */
  archivedAt: string | null;
};

/** Everything a workshop page shows live; sent whole on every change (changes are human-paced). */
export type WorkshopLive = {
  workshopId: string;
  workshop: LiveWorkshopDetails;
  currentProposalId: string | null;
  delegations: Array<{ id: string; name: string; code: string; colour: string }>;
  /** The agenda; title and summary too, so that "Edit details" shows on every open page at once. */
  proposals: Array<{
    id: string;
    title: string;
    summary: string;
    state: ProposalState;
    position: number;
    /** "Lock in 30 s": when drafting locks by itself; null when no countdown runs. */
    lockAt: string | null;
    /** The chair's latest restore (version `from` restored as version `to`), for the notice on open pages. */
    lastRestore: LiveRestore | null;
    /**
     * Reading to agreement: paragraphs counted on the live text when a status or bracket last
     * changed (or a version was cut), and the open brackets now by delegation name. Null until
     * any status or bracket exists.
     */
    progress: Progress | null;
  }>;
  /** The latest round of each proposal that has one. */
  rounds: LiveRound[];
  floor: LiveFloorEntry[];
  serverTime: string;
};
