// The socket.io protocol, declared once for the server, the browser, tests and benchmarks:
// every event's name, its zod schema, its TypeScript type and its acknowledgement. The domain's
// words (roles, proposal states…) come from lib/domain/vocabulary.ts, the live board's shape
// from lib/live-board.ts.
import { z } from "zod";
import type { EditRight } from "./domain/edit-right.ts";
import {
  PROPOSAL_STATES,
  EDITING_MODES,
  COMMENT_VISIBILITIES,
  STANCES,
  CLAUSE_STATUSES,
  type AmendmentStatus,
  type BracketStatus,
  type ClauseStatus,
  type CommentVisibility,
  type EditingMode,
  type ProposalState,
  type Role,
  type Stance,
} from "./domain/vocabulary.ts";
import { MAX_AMENDMENT_TEXT_CHARS, MAX_ANCHOR_BYTES, MAX_REASON_CHARS } from "./domain/amendments.ts";
import { MAX_COMMENT_CHARS } from "./domain/comments.ts";
import { MAX_CLAUSE_KEY_CHARS, MAX_OPTION_CHARS, MAX_AWAITED_DELEGATIONS } from "./domain/drafting.ts";
import type { ErrorCode } from "./errors.ts";
import type { WorkshopLive } from "./live-board.ts";

export type { EditRight };
export type { LiveFloorEntry, LiveRound, WorkshopLive } from "./live-board.ts";

// ---- Version ---------------------------------------------------------------------------------

/**
 * The wire format's version, sent with every `room:join`. Increment it whenever an event, a
 * payload or an acknowledgement changes shape: a tab still running the old page is then refused
 * with PROTOCOL_OUTDATED (asked to reload) instead of misreading or being misread. Clients that
 * send no version are refused from then on too (tests emitting room:join by hand included).
 * 4: presence is no longer renewed over the wire; a tab keeps others' states while connected.
 */
export const PROTOCOL_VERSION = 4;
/**
 * What a client that sends no version speaks: it predates the field, and the format the field
 * arrived with (version 1) differs from the one before only by the field itself.
 */
const UNVERSIONED_PROTOCOL = 1;

// ---- Limits (named, with the reason) ---------------------------------------------------------

/** One Yjs update. A pasted 100-page text is ~300 KB; anything larger is refused, not applied. */
export const MAX_UPDATE_BYTES = 1024 * 1024;
/** A state vector has one entry (≤ 10 bytes) per client that ever wrote; 64 KB is ~6,000 writers. */
export const MAX_STATE_VECTOR_BYTES = 64 * 1024;
/** Awareness carries a name, a colour and a selection per tab; 16 KB is generous. */
export const MAX_AWARENESS_BYTES = 16 * 1024;
/** socket.io's frame limit sits just above the largest legal payload plus its envelope. */
export const MAX_SOCKET_MESSAGE_BYTES = MAX_UPDATE_BYTES + 64 * 1024;
/** Ids are cuids (25 chars); 64 leaves room for other id schemes, not for abuse. */
const MAX_ID_LENGTH = 64;

// ---- Shared pieces ---------------------------------------------------------------------------

/** Binary arrives as a Buffer in Node and as an ArrayBuffer in the browser: accept both. */
export function bytes(maxBytes: number) {
  return z
    .custom<Uint8Array | ArrayBuffer>((v) => v instanceof Uint8Array || v instanceof ArrayBuffer, { message: "must be binary" })
    .transform((v) => (v instanceof Uint8Array ? v : new Uint8Array(v)))
    .refine((v) => v.byteLength <= maxBytes, { message: `must be at most ${maxBytes} bytes`, params: { code: "PAYLOAD_TOO_LARGE" } });
}

const ProposalId = z.string().min(1).max(MAX_ID_LENGTH).regex(/^[A-Za-z0-9_-]+$/);
/** Yjs client ids are unsigned 32-bit integers. */
const YjsClientId = z.number().int().min(0).max(0xffff_ffff);
/** Any integer: one that is not PROTOCOL_VERSION is refused by name (PROTOCOL_OUTDATED), not as bad input. */
const ProtocolVersion = z.number().int().default(UNVERSIONED_PROTOCOL);

export const ProposalStateSchema = z.enum(PROPOSAL_STATES);
/** A Yjs relative position (Y.encodeRelativePosition): where an amendment or a thread is anchored. */
const Anchor = bytes(MAX_ANCHOR_BYTES);
/** Chosen by the tab for an amendment it proposes, so a resend updates instead of duplicating. */
const ClientKey = z.string().min(8).max(MAX_ID_LENGTH).regex(/^[A-Za-z0-9_-]+$/);
const Reason = z.string().max(MAX_REASON_CHARS, { message: `must be at most ${MAX_REASON_CHARS} characters` });
const CommentBody = z.string().trim().min(1, { message: "must not be empty" }).max(MAX_COMMENT_CHARS, { message: `must be at most ${MAX_COMMENT_CHARS} characters` });
/** A paragraph's identity: the Yjs id of its element, "client:clock" (lib/document/clauses.ts). */
const ClauseKey = z.string().max(MAX_CLAUSE_KEY_CHARS).regex(/^\d{1,10}:\d{1,15}$/, { message: "must be a paragraph key" });
const OptionText = z
  .string()
  .trim()
  .min(1, { message: "must not be empty" })
  .max(MAX_OPTION_CHARS, { message: `must be at most ${MAX_OPTION_CHARS} characters` })
  // An option replaces a passage inside one paragraph, like an amendment.
  .refine((s) => !/[\r\n\u2028\u2029]/.test(s), { message: "must stay within one paragraph (no line breaks)" });
/** The protocol's name for a proposal state (the domain's ProposalState). */
export type ProposalStateName = ProposalState;

export type ProtocolError = { code: ErrorCode; message: string };
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ProtocolError };

/** Who someone is in a room, stamped by the server from the session, never taken from a client. */
export type Participant = {
  userId: string;
  name: string;
  role: Role;
  delegation: { id: string; name: string; code: string; colour: string } | null;
};

// ---- Client → server -------------------------------------------------------------------------

export const ClientEvents = {
  /**
   * Enter a proposal's room. `clientId` is the Yjs client id of this tab's document; `protocol`
   * the wire format this page speaks (PROTOCOL_VERSION).
   */
  "room:join": z.object({ proposalId: ProposalId, clientId: YjsClientId, protocol: ProtocolVersion }),
  "room:leave": z.object({ proposalId: ProposalId }),
  /** Sync step 1: "here is what I have"; the ack is step 2 plus the server's state vector. */
  "doc:sync": z.object({ proposalId: ProposalId, stateVector: bytes(MAX_STATE_VECTOR_BYTES) }),
  /** A local change (or, after a reconnect, everything the server lacks). Acked once durable. */
  "doc:update": z.object({ proposalId: ProposalId, update: bytes(MAX_UPDATE_BYTES) }),
  "awareness:update": z.object({ proposalId: ProposalId, update: bytes(MAX_AWARENESS_BYTES) }),
  /** Follow a workshop's live board (agenda, votes, speaking queue). */
  "workshop:join": z.object({ workshopId: ProposalId }),
  /** The chair switches between "Open drafting" and "Amendments only". */
  "proposal:mode": z.object({ proposalId: ProposalId, mode: z.enum(EDITING_MODES) }),
  /**
   * Propose an amendment, or revise one's own open one with the same `key` (typing extends it):
   * replace the passage between the anchors (one paragraph) by `insert`. Idempotent: a resend
   * stores the same thing. Both anchors equal and `insert` empty: the amendment is discarded.
   */
  "amendment:put": z.object({
    proposalId: ProposalId,
    key: ClientKey,
    from: Anchor,
    to: Anchor,
    insert: z
      .string()
      .max(MAX_AMENDMENT_TEXT_CHARS, { message: `must be at most ${MAX_AMENDMENT_TEXT_CHARS} characters` })
      // One paragraph: a new paragraph cannot be proposed (see lib/document/anchors.ts applyReplacement).
      .refine((s) => !/[\r\n\u2028\u2029]/.test(s), { message: "must stay within one paragraph (no line breaks)" }),
    reason: Reason.optional(),
  }),
  /** Set or change the reason of one's own open amendment. */
  "amendment:reason": z.object({ proposalId: ProposalId, amendmentId: ProposalId, reason: Reason }),
  /** Support, object, or (null) take back this delegation's stance. */
  "amendment:stance": z.object({ proposalId: ProposalId, amendmentId: ProposalId, stance: z.enum(STANCES).nullable() }),
  "amendment:withdraw": z.object({ proposalId: ProposalId, amendmentId: ProposalId }),
  /** The chair accepts an amendment into the agreed text (competing ones become superseded). */
  "amendment:accept": z.object({ proposalId: ProposalId, amendmentId: ProposalId }),
  "amendment:reject": z.object({ proposalId: ProposalId, amendmentId: ProposalId }),
  /** The chair accepts every open amendment of one delegation, in text order. */
  "amendment:accept-all": z.object({ proposalId: ProposalId, delegationId: ProposalId }),
  /** A new thread on the passage between the anchors. */
  "comment:start": z.object({ proposalId: ProposalId, from: Anchor, to: Anchor, body: CommentBody, visibility: z.enum(COMMENT_VISIBILITIES) }),
  "comment:reply": z.object({ proposalId: ProposalId, threadId: ProposalId, body: CommentBody }),
  "comment:resolve": z.object({ proposalId: ProposalId, threadId: ProposalId, resolved: z.boolean() }),
  /** Put the passage between the anchors (one paragraph) in square brackets, held by one's delegation. */
  "bracket:place": z.object({ proposalId: ProposalId, from: Anchor, to: Anchor, reason: Reason.optional() }),
  /** Set or change the reason of a bracket one's delegation placed. */
  "bracket:reason": z.object({ proposalId: ProposalId, bracketId: ProposalId, reason: Reason }),
  /** Join (true) or withdraw (false) one's delegation's hold; the last holder's withdrawal lifts it. */
  "bracket:hold": z.object({ proposalId: ProposalId, bracketId: ProposalId, hold: z.boolean() }),
  /** Propose an alternative wording for a bracketed passage (one's delegation supports it). */
  "bracket:option": z.object({ proposalId: ProposalId, bracketId: ProposalId, text: OptionText }),
  /** Support (true) or stop supporting (false) an option, for one's delegation. */
  "bracket:support": z.object({ proposalId: ProposalId, bracketId: ProposalId, optionId: ProposalId, support: z.boolean() }),
  /** The chair agrees on an option (`optionId` null: the bracketed text as it stands). */
  "bracket:agree": z.object({ proposalId: ProposalId, bracketId: ProposalId, optionId: ProposalId.nullable() }),
  /** The chair lifts the bracket, keeping the text as it stands. */
  "bracket:lift": z.object({ proposalId: ProposalId, bracketId: ProposalId }),
  /**
   * The chair sets a paragraph's status. `awaiting`: for AGREED_AD_REFERENDUM, the delegations
   * whose capitals must confirm (ignored for the other statuses).
   */
  "clause:status": z.object({
    proposalId: ProposalId,
    clauseKey: ClauseKey,
    status: z.enum(CLAUSE_STATUSES),
    awaiting: z.array(ProposalId).max(MAX_AWAITED_DELEGATIONS).default([]),
  }),
  /** "Confirm for my capital": one's delegation confirms a paragraph agreed ad referendum. */
  "clause:confirm": z.object({ proposalId: ProposalId, clauseKey: ClauseKey }),
  /** The chair starts a reading (at the first paragraph), steps through it, or ends it. */
  "reading:start": z.object({ proposalId: ProposalId }),
  "reading:move": z.object({ proposalId: ProposalId, direction: z.enum(["next", "previous"]) }),
  "reading:end": z.object({ proposalId: ProposalId }),
} as const;

export type ClientEventName = keyof typeof ClientEvents;
export type ClientPayload<E extends ClientEventName> = z.input<(typeof ClientEvents)[E]>;
export type ParsedClientPayload<E extends ClientEventName> = z.output<(typeof ClientEvents)[E]>;

export type JoinAck = Ack<{
  self: Participant;
  state: ProposalState;
  edit: EditRight;
  mode: EditingMode;
  /** Everyone's current awareness (presence and carets), server-stamped. */
  awareness: Uint8Array;
  /** Every amendment of the proposal (open and decided), and the threads this member may see. */
  amendments: AmendmentView[];
  threads: ThreadView[];
  /** Paragraph statuses (those not Open), every bracket, and the reading in progress or last ended. */
  drafting: DraftingView;
}>;
export type SyncAck = Ack<{ update: Uint8Array; stateVector: Uint8Array }>;
/** Sent once the update is in the journal: the client may say "All changes saved". */
export type UpdateAck = Ack<{ durable: true }>;
export type PlainAck = Ack;
export type WorkshopAck = Ack<{ live: WorkshopLive }>;
export type AmendmentAck = Ack<{ amendment: AmendmentView | null }>;
export type AmendmentsAck = Ack<{ amendments: AmendmentView[] }>;
export type ThreadAck = Ack<{ thread: ThreadView }>;
export type BracketAck = Ack<{ bracket: BracketView }>;
export type ClauseAck = Ack<{ clause: ClauseView }>;
export type ReadingAck = Ack<{ reading: ReadingView }>;

/** A delegation as shown on amendments and comments (its colour marks them everywhere). */
export type DelegationTag = { id: string; name: string; code: string; colour: string };

/** One amendment as every member of the workshop sees it. Anchors are Yjs relative positions. */
export type AmendmentView = {
  id: string;
  key: string;
  from: Uint8Array;
  to: Uint8Array;
  /** The passage it replaces, as it read when last proposed (empty: a pure insertion). */
  passage: string;
  insert: string;
  reason: string | null;
  status: AmendmentStatus;
  delegation: DelegationTag | null;
  author: { id: string; name: string };
  stances: { delegationId: string; stance: Stance }[];
  createdAt: string;
  decidedAt: string | null;
};

export type CommentView = { id: string; author: { id: string; name: string }; delegation: DelegationTag | null; body: string; createdAt: string };

/** A thread, sent only to members who may see it (lib/domain/comments.ts canSeeThread). */
export type ThreadView = {
  id: string;
  from: Uint8Array;
  to: Uint8Array;
  quote: string;
  visibility: CommentVisibility;
  /** For a delegation-only thread: whose it is. */
  delegation: DelegationTag | null;
  resolved: boolean;
  comments: CommentView[];
  createdAt: string;
};

/** A paragraph's status as everyone sees it. No view for a paragraph: it is Open. */
export type ClauseView = {
  key: string;
  status: ClauseStatus;
  /** Agreed ad referendum: the delegations whose capitals must confirm, and whether each has. */
  awaiting: { delegationId: string; code: string; confirmedAt: string | null }[];
  setBy: { id: string; name: string } | null;
  updatedAt: string;
};

/** An alternative wording of a bracketed passage ("option 2"…), with the delegations supporting it. */
export type BracketOptionView = {
  id: string;
  text: string;
  delegation: DelegationTag | null;
  author: { id: string; name: string };
  supporters: string[];
  createdAt: string;
};

/** A bracket as every member sees it. Anchors are Yjs relative positions, like an amendment's. */
export type BracketView = {
  id: string;
  clauseKey: string;
  from: Uint8Array;
  to: Uint8Array;
  /** The passage as it read when bracketed (option 1). */
  passage: string;
  reason: string | null;
  status: BracketStatus;
  /** The delegation that placed it (its colour marks the brackets). */
  delegation: DelegationTag | null;
  placedBy: { id: string; name: string };
  /** Delegation ids holding it, the placing one first. */
  holders: string[];
  options: BracketOptionView[];
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string } | null;
  /** AGREED: the option chosen (null: the bracketed text itself). */
  agreedOptionId: string | null;
};

/** The chair's reading: the paragraph on the table now, and once ended what changed status. */
export type ReadingView = {
  id: string;
  active: boolean;
  currentKey: string | null;
  startedAt: string;
  endedAt: string | null;
  /** Filled when it ends, in text order. */
  changes: { key: string; number: number; from: ClauseStatus; to: ClauseStatus }[];
};

export type DraftingView = { clauses: ClauseView[]; brackets: BracketView[]; reading: ReadingView | null };

/** What the server answers to each client event (an event missing here fails to compile below). */
export type AckOf = {
  "room:join": JoinAck;
  "room:leave": PlainAck;
  "doc:sync": SyncAck;
  "doc:update": UpdateAck;
  "awareness:update": PlainAck;
  "workshop:join": WorkshopAck;
  "proposal:mode": PlainAck;
  "amendment:put": AmendmentAck;
  "amendment:reason": AmendmentAck;
  "amendment:stance": AmendmentAck;
  "amendment:withdraw": AmendmentAck;
  "amendment:accept": AmendmentsAck;
  "amendment:reject": AmendmentAck;
  "amendment:accept-all": AmendmentsAck;
  "comment:start": ThreadAck;
  "comment:reply": ThreadAck;
  "comment:resolve": ThreadAck;
  "bracket:place": BracketAck;
  "bracket:reason": BracketAck;
  "bracket:hold": BracketAck;
  "bracket:option": BracketAck;
  "bracket:support": BracketAck;
  "bracket:agree": BracketAck;
  "bracket:lift": BracketAck;
  "clause:status": ClauseAck;
  "clause:confirm": ClauseAck;
  "reading:start": ReadingAck;
  "reading:move": ReadingAck;
  "reading:end": ReadingAck;
};

/**
 * The client → server event map socket.io types both ends with, derived from the schemas and
 * the acks above: each event takes what its schema accepts and is answered with its ack.
 */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: (res: AckOf[E]) => void) => void;
};

// ---- Server → client -------------------------------------------------------------------------

/** At most this many delegations in one attendance message: far beyond any real workshop. */
const MAX_PRESENT_DELEGATIONS = 1000;

/**
 * Who is in the room: the delegations with at least one member connected to the workshop now
 * (its board or one of its proposals' rooms), across every node. `asOf` (server ms) orders
 * messages from different nodes: a client keeps the newest. Parsed by the browser too.
 */
export const WorkshopPresenceSchema = z.object({
  workshopId: ProposalId,
  delegationIds: z.array(ProposalId).max(MAX_PRESENT_DELEGATIONS),
  asOf: z.number().int().nonnegative(),
});
export type WorkshopPresence = z.infer<typeof WorkshopPresenceSchema>;

export interface ServerToClientEvents {
  "doc:update": (payload: { proposalId: string; update: Uint8Array | ArrayBuffer }) => void;
  "awareness:update": (payload: { proposalId: string; update: Uint8Array | ArrayBuffer }) => void;
  /** The proposal's state changed (lock, vote…): who may edit now. */
  "room:state": (payload: { proposalId: string; state: ProposalState; edit: EditRight }) => void;
  /** The chair changed the editing mode ("Open drafting" / "Amendments only"). */
  "proposal:mode": (payload: { proposalId: string; mode: EditingMode }) => void;
  /** Amendments that were proposed, revised, supported, decided… (each in full, replacing the old). */
  "amendment:changed": (payload: { proposalId: string; amendments: AmendmentView[] }) => void;
  /** A thread that began or changed; a delegation-only one reaches that delegation's members only. */
  "comment:changed": (payload: { proposalId: string; thread: ThreadView }) => void;
  /**
   * Paragraph statuses, brackets or the reading changed: each view sent replaces the one the
   * client has (a clause view with status OPEN means the paragraph is Open again).
   */
  "drafting:changed": (payload: { proposalId: string; clauses?: ClauseView[]; brackets?: BracketView[]; reading?: ReadingView | null }) => void;
  /** New stored notifications for this account in `workshopId` (e.g. a mention): read them again. */
  "notifications:changed": (payload: { workshopId: string }) => void;
  /** The room was reloaded from the database (its memory could not be stored): join again. */
  "room:reset": (payload: { proposalId: string }) => void;
  /** The workshop's live board changed. */
  "workshop:live": (payload: WorkshopLive) => void;
  /** Which delegations are present now (see WorkshopPresenceSchema); sent after every change. */
  "workshop:presence": (payload: WorkshopPresence) => void;
  /**
   * What this user may do changed: their role or delegation in `workshopId`, or their removal
   * from it (join again: a refusal says access is gone). `workshopId: null`: every session of
   * theirs ended (signed out everywhere, password reset); the connection closes right after.
   */
  "access:changed": (payload: { workshopId: string | null }) => void;
  /** A message the server could not route to a handler (unknown event, no ack to answer on). */
  "protocol:error": (payload: ProtocolError & { event: string }) => void;
}

/** A Yjs update that changes nothing is 2 bytes (no structs, empty delete set). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength <= 2 && update.every((b) => b === 0);
}

export function toUint8Array(v: Uint8Array | ArrayBuffer): Uint8Array {
  return v instanceof Uint8Array ? v : new Uint8Array(v);
}
