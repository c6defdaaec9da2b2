// The socket.io protocol, declared once for the server, the browser, tests and benchmarks:
// every event's name, its zod schema, its TypeScript type and its acknowledgement.
import { z } from "zod";
import type { ErrorCode } from "./errors.ts";

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

export const ProposalStateSchema = z.enum(["DRAFTING", "LOCKED", "VOTING", "ADOPTED", "WITHDRAWN"]);
export type ProposalStateName = z.infer<typeof ProposalStateSchema>;

export type ProtocolError = { code: ErrorCode; message: string };
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ProtocolError };

/** Who someone is in a room, stamped by the server from the session, never taken from a client. */
export type Participant = {
  userId: string;
  name: string;
  role: "MODERATOR" | "DELEGATE" | "OBSERVER";
  delegation: { id: string; name: string; code: string; colour: string } | null;
};

/** Whether this member may change the text now, and if not, why (shown beside the editor). */
export type EditRight = { canEdit: true } | { canEdit: false; reason: string };

// ---- Client → server -------------------------------------------------------------------------

export const ClientEvents = {
  /** Enter a proposal's room. `clientId` is the Yjs client id of this tab's document. */
  "room:join": z.object({ proposalId: ProposalId, clientId: YjsClientId }),
  "room:leave": z.object({ proposalId: ProposalId }),
  /** Sync step 1: "here is what I have"; the ack is step 2 plus the server's state vector. */
  "doc:sync": z.object({ proposalId: ProposalId, stateVector: bytes(MAX_STATE_VECTOR_BYTES) }),
  /** A local change (or, after a reconnect, everything the server lacks). Acked once durable. */
  "doc:update": z.object({ proposalId: ProposalId, update: bytes(MAX_UPDATE_BYTES) }),
  "awareness:update": z.object({ proposalId: ProposalId, update: bytes(MAX_AWARENESS_BYTES) }),
  /** Follow a workshop's live board (agenda, votes, speaking queue). */
  "workshop:join": z.object({ workshopId: ProposalId }),
} as const;

export type ClientEventName = keyof typeof ClientEvents;
export type ClientPayload<E extends ClientEventName> = z.input<(typeof ClientEvents)[E]>;
export type ParsedClientPayload<E extends ClientEventName> = z.output<(typeof ClientEvents)[E]>;

export type JoinAck = Ack<{
  self: Participant;
  state: ProposalStateName;
  edit: EditRight;
  /** Everyone's current awareness (presence and carets), server-stamped. */
  awareness: Uint8Array;
}>;
export type SyncAck = Ack<{ update: Uint8Array; stateVector: Uint8Array }>;
/** Sent once the update is in the journal: the client may say "All changes saved". */
export type UpdateAck = Ack<{ durable: true }>;
export type PlainAck = Ack;

export type AckOf = {
  "room:join": JoinAck;
  "room:leave": PlainAck;
  "doc:sync": SyncAck;
  "doc:update": UpdateAck;
  "awareness:update": PlainAck;
  "workshop:join": WorkshopAck;
};

export type WorkshopAck = Ack<{ live: WorkshopLive }>;

export interface ClientToServerEvents {
  "room:join": (payload: ClientPayload<"room:join">, ack: (res: JoinAck) => void) => void;
  "room:leave": (payload: ClientPayload<"room:leave">, ack: (res: PlainAck) => void) => void;
  "doc:sync": (payload: ClientPayload<"doc:sync">, ack: (res: SyncAck) => void) => void;
  "doc:update": (payload: ClientPayload<"doc:update">, ack: (res: UpdateAck) => void) => void;
  "awareness:update": (payload: ClientPayload<"awareness:update">, ack: (res: PlainAck) => void) => void;
  "workshop:join": (payload: ClientPayload<"workshop:join">, ack: (res: WorkshopAck) => void) => void;
}

// ---- Server → client -------------------------------------------------------------------------

export interface ServerToClientEvents {
  "doc:update": (payload: { proposalId: string; update: Uint8Array | ArrayBuffer }) => void;
  "awareness:update": (payload: { proposalId: string; update: Uint8Array | ArrayBuffer }) => void;
  /** The proposal's state changed (lock, vote…): who may edit now. */
  "room:state": (payload: { proposalId: string; state: ProposalStateName; edit: EditRight }) => void;
  /** The room was reloaded from the database (its memory could not be stored): join again. */
  "room:reset": (payload: { proposalId: string }) => void;
  /** The workshop's live board changed. */
  "workshop:live": (payload: WorkshopLive) => void;
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

// ---- The workshop's live board ---------------------------------------------------------------

export type LiveRound = {
  id: string;
  proposalId: string;
  question: string;
  rule: "CONSENSUS" | "MAJORITY" | "TWO_THIRDS";
  quorum: number;
  isOpenBallot: boolean;
  status: "OPEN" | "CLOSED" | "CANCELLED";
  versionNumber: number;
  openedAt: string;
  closedAt: string | null;
  /** Delegations that have cast a ballot (always public: everyone sees who has voted). */
  voted: string[];
  /** How each delegation voted: only once closed, or all along for an open ballot. */
  ballots: Array<{ delegationId: string; choice: "YES" | "NO" | "ABSTAIN"; explanation: string | null }> | null;
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

/** Everything a workshop page shows live; sent whole on every change (changes are human-paced). */
export type WorkshopLive = {
  workshopId: string;
  currentProposalId: string | null;
  delegations: Array<{ id: string; name: string; code: string; colour: string }>;
  proposals: Array<{ id: string; title: string; state: ProposalStateName; position: number }>;
  /** The latest round of each proposal that has one. */
  rounds: LiveRound[];
  floor: Array<{
    id: string;
    userId: string;
    name: string;
    delegationId: string | null;
    status: "WAITING" | "SPEAKING";
    requestedAt: string;
    startedAt: string | null;
    limitSeconds: number | null;
  }>;
  serverTime: string;
};
