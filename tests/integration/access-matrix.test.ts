// The access matrix, generated from the entry-point registry (server/entry-points.ts) and the
// access table (lib/domain/access.ts): every entry point × every kind of caller × every proposal
// state, invoked for real (sockets against a real server, server actions and route handlers
// through the use cases they call) and compared with `decide`. A new entry point without a row,
// or code that disagrees with the table, fails here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import { ACCESS_TABLE, ACTIONS, PROPOSAL_STATES, decide, isProposalAction, type Action, type ProposalState, type Role } from "../../lib/domain/access";
import { tally } from "../../lib/domain/tally";
import { asBytes } from "../../lib/bytes";
import { setDb } from "../../lib/db";
import { docFromState, stateFromPmJson } from "../../lib/document/convert";
import { anchorAt, blockText, textBlocks } from "../../lib/document/anchors";
import { paragraphKeys } from "../../lib/document/clauses";
import { AppError, isAppError } from "../../lib/errors";
import { ClientEvents, PROTOCOL_VERSION, type ClientEventName } from "../../lib/protocol";
import { ACTION_ENTRY_POINTS, PAGE_ENTRY_POINTS, ROUTE_ENTRY_POINTS, SOCKET_ENTRY_POINTS, type Guard } from "../../server/entry-points";
import { acceptInvite } from "../../server/services/invites/accept-invite";
import { castBallot } from "../../server/services/votes/cast-ballot";
import { changeProposalState } from "../../server/services/proposals/change-proposal-state";
import { closeVoteRound } from "../../server/services/votes/close-vote-round";
import { compareVersions } from "../../server/services/history/compare-versions";
import { createDelegation } from "../../server/services/workshop/create-delegation";
import { createInvite } from "../../server/services/invites/create-invite";
import { cutVersion, freezeText } from "../../server/services/history/cut-version";
import { getManagementView } from "../../server/services/workshop/get-management-view";
import { getProposalView } from "../../server/services/proposals/get-proposal-view";
import { getVersion } from "../../server/services/history/get-version";
import { getWorkshopLive } from "../../server/services/workshop/get-workshop-live";
import { getWorkshopOverview } from "../../server/services/workshop/get-workshop-overview";
import { inspectInvite } from "../../server/services/invites/inspect-invite";
import { hashInviteToken, newInviteToken } from "../../server/services/invites/invite-token";
import { listAuditEvents } from "../../server/services/audit/list-audit-events";
import { listDocumentAuthors } from "../../server/services/proposals/list-document-authors";
import { listMyWorkshops } from "../../server/services/workshop/list-my-workshops";
import { listVersions } from "../../server/services/history/list-versions";
import { listVoteRounds } from "../../server/services/votes/list-vote-rounds";
import { moveAgendaItem } from "../../server/services/workshop/move-agenda-item";
import { openVoteRound } from "../../server/services/votes/open-vote-round";
import { restoreVersion } from "../../server/services/history/restore-version";
import { exportProposal, exportRedline } from "../../server/services/exports/export-proposal";
import { exportOutcomeRecord } from "../../server/services/exports/export-outcome";
import { setLanguage } from "../../server/services/people/set-language";
import { scheduleLock } from "../../server/services/proposals/lock-countdown";
import { revokeInvite } from "../../server/services/invites/revoke-invite";
import { saveNamedVersion } from "../../server/services/history/save-named-version";
import { setCurrentItem } from "../../server/services/workshop/set-current-item";
import { listNotifications } from "../../server/services/notifications/list-notifications";
import { markAllNotificationsRead } from "../../server/services/notifications/mark-all-read";
import { endFloor, giveFloor, requestFloor, withdrawFloorRequest } from "../../server/services/floor/speaking-queue";
import { verifyHistory } from "../../server/services/history/verify-history";
import { buildOutcomeRecord } from "../../server/services/outcomes/build-outcome-record";
import { verifyOutcomeRecordAgainstDb } from "../../server/services/outcomes/verify-outcome-record";
import { createProposal } from "../../server/services/proposals/create-proposal";
import { duplicateAsNewDraft } from "../../server/services/proposals/duplicate-as-new-draft";
import { editProposalDetails } from "../../server/services/proposals/edit-proposal-details";
import { getNewProposalView } from "../../server/services/proposals/get-new-proposal-view";
import { hashPassword } from "../../lib/auth/password";
import { getAccount } from "../../server/services/people/get-account";
import { renameAccount } from "../../server/services/people/rename-account";
import { setTimeZone } from "../../server/services/people/set-time-zone";
import { changePassword } from "../../server/services/people/change-password";
import { signOutEverywhere } from "../../server/services/people/sign-out-everywhere";
import { createResetLink } from "../../server/services/people/create-reset-link";
import { inspectResetLink } from "../../server/services/people/inspect-reset-link";
import { resetPassword } from "../../server/services/people/reset-password";
import { createWorkshop } from "../../server/services/workshop/create-workshop";
import { editWorkshopDetails } from "../../server/services/workshop/edit-workshop-details";
import { archiveWorkshop } from "../../server/services/workshop/archive-workshop";
import { getWorkshopSettings } from "../../server/services/workshop/get-workshop-settings";
import { assertMayCreateWorkshop } from "../../server/services/people/instance-access";
import { changeMember } from "../../server/services/people/change-member";
import { removeMember } from "../../server/services/people/remove-member";
import { editDelegation } from "../../server/services/workshop/edit-delegation";
import { deleteDelegation } from "../../server/services/workshop/delete-delegation";
import { GET as healthGET } from "../../app/api/health/route";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { openSocket, startTestServer, waitForConnect, type TestServer } from "../helpers/test-server";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

// ---- Callers ---------------------------------------------------------------------------------

const ACTORS = ["anonymous", "observer", "delegate", "other-delegation", "other-workshop", "moderator"] as const;
type ActorName = (typeof ACTORS)[number];
const SIGNED_IN = ACTORS.filter((a) => a !== "anonymous");

/** The role `decide` is asked about: non-members (signed out, or of another workshop) have none. */
const ROLE_OF: Record<ActorName, Role | null> = {
  anonymous: null,
  observer: "OBSERVER",
  delegate: "DELEGATE",
  "other-delegation": "DELEGATE",
  "other-workshop": null,
  moderator: "MODERATOR",
};

/** What a refusal by authorization looks like, whichever layer says it. */
const DENIAL_CODES: ReadonlySet<string> = new Set(["UNAUTHENTICATED", "NOT_FOUND", "FORBIDDEN", "WRONG_STATE", "NO_DELEGATION", "ROUND_CLOSED"]);

/** How an existing round looks in each proposal state, as the lifecycle leaves it. */
const ROUND_STATUS: Record<ProposalState, "OPEN" | "CLOSED" | "CANCELLED"> = {
  DRAFTING: "CANCELLED", // a vote was cancelled: drafting reopened
  LOCKED: "CANCELLED", // …and then the chair locked it
  VOTING: "OPEN",
  ADOPTED: "CLOSED",
  WITHDRAWN: "CANCELLED", // withdrawing voids an open round
};

let s: TestServer;
let f: Fixture;
/** A workshop none of the actors belongs to, whose invites they accept (not to change roles here). */
let inviteWorkshopId: string;

function userOf(actor: ActorName): string | null {
  const u = f.users;
  return { anonymous: null, observer: u.observer, delegate: u.china, "other-delegation": u.japan, "other-workshop": u.outsider, moderator: u.chair }[actor];
}

// ---- Outcomes --------------------------------------------------------------------------------

type Outcome = { ok: true } | { ok: false; code: string; afterDeniedJoin?: boolean };

function isDenial(o: Outcome): boolean {
  if (o.ok) return false;
  return DENIAL_CODES.has(o.code) || (o.code === "NOT_JOINED" && o.afterDeniedJoin === true);
}

/** Runs a use case: success, or the named error it threw. Anything unnamed is a broken test. */
async function attempt(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run();
    return { ok: true };
  } catch (e) {
    if (isAppError(e)) return { ok: false, code: e.code };
    throw e;
  }
}

/** Several loads in order, as a page runs them: the first refusal is the page's answer. */
async function attemptAll(...runs: Array<() => Promise<unknown>>): Promise<Outcome> {
  for (const run of runs) {
    const o = await attempt(run);
    if (!o.ok) return o;
  }
  return { ok: true };
}

// ---- Proposals per case ----------------------------------------------------------------------

type Made = { id: string; roundId: string; seed: Uint8Array };
const OPENING = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "The Parties agree to cooperate." }] }] };
let position = 10;

/** A proposal in `state` as the lifecycle would leave it: text, a VOTE version, its round. */
async function makeProposal(state: ProposalState, title: string): Promise<Made> {
  const { db } = s;
  const seed = stateFromPmJson(OPENING);
  const p = await db.proposal.create({ data: { workshopId: f.workshopId, title: title.slice(0, 200), position: position++, state } });
  await db.documentCheckpoint.create({ data: { proposalId: p.id, state: asBytes(seed) } });
  const doc = docFromState(seed);
  const now = new Date();
  const version = await cutVersion(db, { proposalId: p.id, workshopId: f.workshopId, frozen: freezeText(doc), kind: "VOTE", label: "Put to the vote: Adopt?", authorId: f.users.chair, editors: new Set(), now });
  doc.destroy();
  const status = ROUND_STATUS[state];
  const round = await db.voteRound.create({
    data: {
      proposalId: p.id,
      versionId: version!.id,
      question: "Does the workshop adopt this text?",
      rule: "MAJORITY",
      quorum: 1,
      openedById: f.users.chair,
      openedAt: now,
      status,
      closedAt: status === "OPEN" ? null : now,
      result: status === "CLOSED" ? JSON.stringify(tally("MAJORITY", 1, ["YES"])) : null,
    },
  });
  if (status === "CLOSED") {
    const chn = await db.delegation.findFirstOrThrow({ where: { workshopId: f.workshopId, code: "CHN" } });
    await db.ballot.create({ data: { roundId: round.id, delegationId: chn.id, choice: "YES", castById: f.users.china, castAt: now } });
  }
  s.server.rooms.setState(p.id, state);
  return { id: p.id, roundId: round.id, seed };
}

const proposals = new Map<string, Promise<Made>>();
function proposalFor(key: string, state: ProposalState): Promise<Made> {
  let made = proposals.get(key);
  if (!made) {
    made = makeProposal(state, key);
    proposals.set(key, made);
  }
  return made;
}

// ---- Sockets ---------------------------------------------------------------------------------

type Ack = { ok: boolean; error?: { code: string }; update?: Uint8Array };
type LooseSocket = { emit(event: string, payload: unknown, ack: (res: Ack) => void): void; disconnect(): void };
const sockets = new Map<ActorName, LooseSocket>();

/** The actor's tab: one socket reused for the suite; anonymous is refused at connect. */
async function connect(actor: ActorName): Promise<LooseSocket | Outcome> {
  const cached = sockets.get(actor);
  if (cached) return cached;
  const socket = await openSocket(s, userOf(actor));
  try {
    await waitForConnect(socket);
  } catch (e) {
    socket.disconnect();
    return { ok: false, code: (e as Error).message };
  }
  const loose = socket as unknown as LooseSocket;
  if (actor !== "anonymous") sockets.set(actor, loose);
  return loose;
}

function emit(socket: LooseSocket, event: ClientEventName, payload: unknown): Promise<Ack> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), 5000);
    socket.emit(event, payload, (res) => {
      clearTimeout(timer);
      resolve(res);
    });
  });
}

function outcomeOf(ack: Ack, afterDeniedJoin = false): Outcome {
  return ack.ok ? { ok: true } : { ok: false, code: ack.error?.code ?? "?", afterDeniedJoin };
}

function paragraph(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/** Joins the room (ack), then runs the event; a refusal after a refused join may be NOT_JOINED. */
async function inRoom(actor: ActorName, p: Made, clientId: number, then: (socket: LooseSocket) => Promise<Ack>): Promise<Outcome> {
  const socket = await connect(actor);
  if (!("emit" in socket)) return socket;
  const join = outcomeOf(await emit(socket, "room:join", { proposalId: p.id, clientId, protocol: PROTOCOL_VERSION }));
  return outcomeOf(await then(socket), isDenial(join));
}

// ---- Drivers: how each entry point is invoked ------------------------------------------------

type Run = { actor: ActorName; userId: string | null; proposal: Made; value: string | undefined };
type Driver = {
  /** Proposal-scoped drivers get a fresh proposal per (row, state)… */
  scope: "proposal" | "workshop";
  /** …and per actor when an allowed call changes it (state, round, text). */
  freshPerActor?: boolean;
  /** Callers the entry point can be reached by at all, when not everyone (see the reason). */
  actors?: readonly ActorName[];
  run(r: Run): Promise<Outcome>;
};

const now = () => new Date();
const live = () => s.server.live;
const rooms = () => s.server.rooms;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;
/** Delegation codes are 2–6 letters. */
const letters = (n: number): string => "ZQ" + [...n.toString(26).padStart(3, "0")].map((c) => String.fromCharCode(65 + parseInt(c, 26))).join("");

async function newInvite(workshopId: string): Promise<string> {
  const token = newInviteToken();
  await s.db.invite.create({
    data: { workshopId, tokenHash: hashInviteToken(token), role: "OBSERVER", expiresAt: new Date(Date.now() + 86_400_000), createdById: f.users.chair },
  });
  return token;
}

/**
 * A workshop of its own with the suite workshop's members in the same roles: archiving the
 * suite's workshop would turn every later case into ARCHIVED.
 */
async function twinWorkshop(): Promise<string> {
  const twin = await s.db.workshop.create({ data: { title: `Twin ${unique()}` } });
  const members = await s.db.member.findMany({ where: { workshopId: f.workshopId }, select: { userId: true, role: true } });
  await s.db.member.createMany({ data: members.map((m) => ({ workshopId: twin.id, userId: m.userId, role: m.role })) });
  return twin.id;
}

const WORKSHOP_DETAILS = { title: "Realtime test workshop", timeZone: "UTC", defaultVoteRule: "MAJORITY", defaultQuorum: 1 } as const;

/** A member of the test workshop made for one case, so changing or removing them disturbs no other. */
async function spareMember(): Promise<string> {
  const chn = await s.db.delegation.findFirstOrThrow({ where: { workshopId: f.workshopId, code: "CHN" } });
  const u = await s.db.user.create({ data: { email: `spare-${unique()}@accord.example`, name: "Spare Delegate", passwordHash: "unused" } });
  await s.db.member.create({ data: { workshopId: f.workshopId, userId: u.id, role: "DELEGATE", delegationId: chn.id } });
  return u.id;
}

/** An unused delegation of the test workshop, made for one case. */
async function spareDelegation(): Promise<string> {
  return (await s.db.delegation.create({ data: { workshopId: f.workshopId, name: "Spare", code: letters(counter++), colour: "#0f766e" } })).id;
}

const SPARE_PASSWORD = "the spare account's password";
let spareHash: Promise<string> | undefined;

/**
 * The caller's own account, for the self-scoped account actions: a fresh one per signed-in case
 * (a password change or "Sign out everywhere" ends the suite actors' sockets), none when signed out.
 */
async function ownAccount(userId: string | null): Promise<string | null> {
  if (!userId) return null;
  spareHash ??= hashPassword(SPARE_PASSWORD);
  return (await s.db.user.create({ data: { email: `own-${unique()}@accord.example`, name: "Own Account", passwordHash: await spareHash } })).id;
}

/** A usable reset link for an account of its own (the token is the credential, not the caller). */
async function newResetLink(): Promise<string> {
  const token = newInviteToken();
  const target = await s.db.user.create({ data: { email: `reset-${unique()}@accord.example`, name: "Forgetful Member", passwordHash: "unused" } });
  await s.db.passwordReset.create({ data: { userId: target.id, tokenHash: hashInviteToken(token), expiresAt: new Date(Date.now() + 86_400_000), createdById: f.users.chair } });
  return token;
}

async function clearFloor(userId: string | null): Promise<void> {
  if (userId) await s.db.floorRequest.updateMany({ where: { workshopId: f.workshopId, userId, status: { in: ["WAITING", "SPEAKING"] } }, data: { status: "DONE", endedAt: now() } });
}

/** Anchors around "cooperate" in the proposal's stored text (where its room's text starts). */
function anchorsIn(proposal: Made): { from: Uint8Array; to: Uint8Array } {
  const block = textBlocks(docFromState(proposal.seed))[0]!;
  const at = blockText(block).indexOf("cooperate");
  return { from: anchorAt(block, at), to: anchorAt(block, at + "cooperate".length) };
}

/** The actor's delegation in the test workshop (null for the chair and non-delegates). */
async function delegationOf(actor: ActorName): Promise<string | null> {
  const userId = userOf(actor);
  if (!userId) return null;
  return (await s.db.member.findFirst({ where: { workshopId: f.workshopId, userId }, select: { delegationId: true } }))?.delegationId ?? null;
}

/**
 * An amendment event in the proposal's room; afterwards the proposal's amendments are cleared,
 * so every case starts from none, whatever the actors before it proposed or were refused.
 */
async function amendmentCase(actor: ActorName, proposal: Made, then: (socket: LooseSocket) => Promise<Ack>): Promise<Outcome> {
  try {
    return await inRoom(actor, proposal, new Y.Doc().clientID, then);
  } finally {
    await s.db.amendment.deleteMany({ where: { proposalId: proposal.id } });
  }
}

/** A fresh open amendment on the proposal by the actor (the chair's for callers who cannot propose). */
async function amendmentBy(actor: ActorName, proposal: Made): Promise<string> {
  const author: ActorName = actor === "delegate" || actor === "other-delegation" ? actor : "moderator";
  const { from, to } = anchorsIn(proposal);
  const created = await s.db.amendment.create({
    data: { proposalId: proposal.id, key: `key-${unique()}`, authorId: userOf(author)!, delegationId: await delegationOf(author), anchorFrom: asBytes(from), anchorTo: asBytes(to), passage: "cooperate", insertText: "work together" },
  });
  return created.id;
}

/** An open thread everyone sees, by the chair, on the proposal's "cooperate". */
async function threadOn(proposal: Made): Promise<string> {
  const { from, to } = anchorsIn(proposal);
  const data = { proposalId: proposal.id, authorId: f.users.chair, visibility: "EVERYONE" as const, anchorFrom: asBytes(from), anchorTo: asBytes(to), quote: "cooperate" };
  return (await s.db.commentThread.create({ data: { ...data, comments: { create: { authorId: f.users.chair, body: "Is 'cooperate' enough?" } } } })).id;
}

/**
 * A drafting event in the proposal's room; afterwards the proposal's brackets, statuses and
 * readings are cleared, so every case starts from none, whatever the actors before it did.
 */
async function draftingCase(actor: ActorName, proposal: Made, then: (socket: LooseSocket) => Promise<Ack>): Promise<Outcome> {
  try {
    return await inRoom(actor, proposal, new Y.Doc().clientID, then);
  } finally {
    await s.db.bracket.deleteMany({ where: { proposalId: proposal.id } });
    await s.db.clauseState.deleteMany({ where: { proposalId: proposal.id } });
    await s.db.reading.deleteMany({ where: { proposalId: proposal.id } });
  }
}

/** The key of the proposal's one paragraph, as its room's text has it. */
function paragraphOf(proposal: Made): string {
  return paragraphKeys(docFromState(proposal.seed))[0]!;
}

let thirdDelegation: Promise<string> | undefined;

/**
 * An open bracket on the proposal's "cooperate", placed by the actor's delegation (`own`) or by
 * a delegation no actor belongs to (so any delegate may join it, add and support options).
 */
async function bracketOn(proposal: Made, actor: ActorName, own: boolean): Promise<{ bracketId: string; optionId: string }> {
  const mine = own ? await delegationOf(actor) : null;
  thirdDelegation ??= spareDelegation();
  const delegationId = mine ?? (await thirdDelegation);
  const { from, to } = anchorsIn(proposal);
  const bracket = await s.db.bracket.create({
    data: {
      proposalId: proposal.id,
      clauseKey: paragraphOf(proposal),
      anchorFrom: asBytes(from),
      anchorTo: asBytes(to),
      passage: "cooperate",
      placedById: mine ? userOf(actor)! : f.users.chair,
      delegationId,
      holders: { create: { delegationId, userId: mine ? userOf(actor)! : f.users.chair } },
      options: { create: { text: "work together", authorId: f.users.chair, delegationId } },
    },
    include: { options: { select: { id: true } } },
  });
  return { bracketId: bracket.id, optionId: bracket.options[0]!.id };
}

const DRIVERS: Record<string, Driver> = {
  // Sockets
  "room:join": {
    scope: "proposal",
    async run({ actor, proposal }) {
      const socket = await connect(actor);
      if (!("emit" in socket)) return socket;
      return outcomeOf(await emit(socket, "room:join", { proposalId: proposal.id, clientId: new Y.Doc().clientID, protocol: PROTOCOL_VERSION }));
    },
  },
  "room:leave": {
    scope: "workshop",
    async run({ actor }) {
      const socket = await connect(actor);
      if (!("emit" in socket)) return socket;
      return outcomeOf(await emit(socket, "room:leave", { proposalId: f.proposalId }));
    },
  },
  "doc:sync": {
    scope: "proposal",
    run: ({ actor, proposal }) => inRoom(actor, proposal, new Y.Doc().clientID, (socket) => emit(socket, "doc:sync", { proposalId: proposal.id, stateVector: Y.encodeStateVector(new Y.Doc()) })),
  },
  "doc:update": {
    scope: "proposal",
    run({ actor, proposal }) {
      const doc = new Y.Doc();
      return inRoom(actor, proposal, doc.clientID, async (socket) => {
        // Built as a tab builds it: from the synced text (or, when refused, the stored one).
        const sync = await emit(socket, "doc:sync", { proposalId: proposal.id, stateVector: Y.encodeStateVector(doc) });
        Y.applyUpdate(doc, sync.ok && sync.update ? sync.update : proposal.seed);
        const sv = Y.encodeStateVector(doc);
        paragraph(doc).insert(0, `${actor} was here. `);
        return emit(socket, "doc:update", { proposalId: proposal.id, update: Y.encodeStateAsUpdate(doc, sv) });
      });
    },
  },
  "awareness:update": {
    scope: "proposal",
    run({ actor, proposal }) {
      const doc = new Y.Doc();
      return inRoom(actor, proposal, doc.clientID, (socket) => {
        const awareness = new Awareness(doc);
        awareness.setLocalState({ cursor: null });
        const update = encodeAwarenessUpdate(awareness, [doc.clientID]);
        awareness.destroy();
        return emit(socket, "awareness:update", { proposalId: proposal.id, update });
      });
    },
  },
  "workshop:join": {
    scope: "workshop",
    async run({ actor }) {
      const socket = await connect(actor);
      if (!("emit" in socket)) return socket;
      return outcomeOf(await emit(socket, "workshop:join", { workshopId: f.workshopId }));
    },
  },

  // Amendments and the editing mode: an allowed call must succeed, so each gets an amendment
  // it may act on (the actor's own where the rule wants the author, the chair's where it wants
  // another delegation's), anchored in the proposal's stored text.
  "proposal:mode": {
    scope: "proposal",
    run: ({ actor, proposal }) => inRoom(actor, proposal, new Y.Doc().clientID, (socket) => emit(socket, "proposal:mode", { proposalId: proposal.id, mode: "AMENDMENTS" })),
  },
  "amendment:put": {
    scope: "proposal",
    run: ({ actor, proposal }) =>
      amendmentCase(actor, proposal, (socket) => emit(socket, "amendment:put", { proposalId: proposal.id, key: `key-${unique()}`, ...anchorsIn(proposal), insert: "work together" })),
  },
  "amendment:reason": {
    scope: "proposal",
    run: ({ actor, proposal }) =>
      amendmentCase(actor, proposal, async (socket) => emit(socket, "amendment:reason", { proposalId: proposal.id, amendmentId: await amendmentBy(actor, proposal), reason: "Clearer." })),
  },
  "amendment:stance": {
    scope: "proposal",
    run: ({ actor, proposal }) =>
      amendmentCase(actor, proposal, async (socket) => emit(socket, "amendment:stance", { proposalId: proposal.id, amendmentId: await amendmentBy("moderator", proposal), stance: "SUPPORT" })),
  },
  "amendment:withdraw": {
    scope: "proposal",
    run: ({ actor, proposal }) =>
      amendmentCase(actor, proposal, async (socket) => emit(socket, "amendment:withdraw", { proposalId: proposal.id, amendmentId: await amendmentBy(actor, proposal) })),
  },
  "amendment:accept": {
    scope: "proposal",
    freshPerActor: true,
    run: ({ actor, proposal }) =>
      amendmentCase(actor, proposal, async (socket) => emit(socket, "amendment:accept", { proposalId: proposal.id, amendmentId: await amendmentBy("delegate", proposal) })),
  },
  "amendment:reject": {
    scope: "proposal",
    run: ({ actor, proposal }) =>
      amendmentCase(actor, proposal, async (socket) => emit(socket, "amendment:reject", { proposalId: proposal.id, amendmentId: await amendmentBy("delegate", proposal) })),
  },
  "amendment:accept-all": {
    scope: "proposal",
    freshPerActor: true,
    run: ({ actor, proposal }) =>
      amendmentCase(actor, proposal, async (socket) => {
        await amendmentBy("delegate", proposal);
        return emit(socket, "amendment:accept-all", { proposalId: proposal.id, delegationId: await delegationOf("delegate") });
      }),
  },

  // Comments: reply and resolve get a thread everyone sees, made after the join (so each join
  // answer stays small) on a proposal of their own per actor.
  "comment:start": {
    scope: "proposal",
    freshPerActor: true,
    run: ({ actor, proposal }) =>
      inRoom(actor, proposal, new Y.Doc().clientID, (socket) => emit(socket, "comment:start", { proposalId: proposal.id, ...anchorsIn(proposal), body: "Why 'cooperate'?", visibility: "EVERYONE" })),
  },
  "comment:reply": {
    scope: "proposal",
    freshPerActor: true,
    run: ({ actor, proposal }) =>
      inRoom(actor, proposal, new Y.Doc().clientID, async (socket) => emit(socket, "comment:reply", { proposalId: proposal.id, threadId: await threadOn(proposal), body: "Agreed." })),
  },
  "comment:resolve": {
    scope: "proposal",
    freshPerActor: true,
    run: ({ actor, proposal }) =>
      inRoom(actor, proposal, new Y.Doc().clientID, async (socket) => emit(socket, "comment:resolve", { proposalId: proposal.id, threadId: await threadOn(proposal), resolved: true })),
  },

  // Brackets, statuses and readings: an allowed call must succeed, so each gets what it acts on
  // (a bracket of the actor's own delegation where the rule wants the placer, another's where
  // it wants a joiner; an awaited capital; a reading in progress), made in the database.
  "bracket:place": {
    scope: "proposal",
    run: ({ actor, proposal }) => draftingCase(actor, proposal, (socket) => emit(socket, "bracket:place", { proposalId: proposal.id, ...anchorsIn(proposal), reason: "Not yet agreed." })),
  },
  "bracket:reason": {
    scope: "proposal",
    run: ({ actor, proposal }) =>
      draftingCase(actor, proposal, async (socket) => emit(socket, "bracket:reason", { proposalId: proposal.id, bracketId: (await bracketOn(proposal, actor, true)).bracketId, reason: "Capital's instructions." })),
  },
  "bracket:hold": {
    scope: "proposal",
    run: ({ actor, proposal }) =>
      draftingCase(actor, proposal, async (socket) => emit(socket, "bracket:hold", { proposalId: proposal.id, bracketId: (await bracketOn(proposal, actor, false)).bracketId, hold: true })),
  },
  "bracket:option": {
    scope: "proposal",
    run: ({ actor, proposal }) =>
      draftingCase(actor, proposal, async (socket) => emit(socket, "bracket:option", { proposalId: proposal.id, bracketId: (await bracketOn(proposal, actor, false)).bracketId, text: "collaborate" })),
  },
  "bracket:support": {
    scope: "proposal",
    run: ({ actor, proposal }) =>
      draftingCase(actor, proposal, async (socket) => emit(socket, "bracket:support", { proposalId: proposal.id, ...(await bracketOn(proposal, actor, false)), support: true })),
  },
  "bracket:agree": {
    scope: "proposal",
    // On the bracketed text as it stands: the text is unchanged, so one proposal serves every actor.
    run: ({ actor, proposal }) =>
      draftingCase(actor, proposal, async (socket) => emit(socket, "bracket:agree", { proposalId: proposal.id, bracketId: (await bracketOn(proposal, actor, false)).bracketId, optionId: null })),
  },
  "bracket:lift": {
    scope: "proposal",
    run: ({ actor, proposal }) =>
      draftingCase(actor, proposal, async (socket) => emit(socket, "bracket:lift", { proposalId: proposal.id, bracketId: (await bracketOn(proposal, actor, false)).bracketId })),
  },
  "clause:status": {
    scope: "proposal",
    run: ({ actor, proposal }) => draftingCase(actor, proposal, (socket) => emit(socket, "clause:status", { proposalId: proposal.id, clauseKey: paragraphOf(proposal), status: "PARKED" })),
  },
  "clause:confirm": {
    scope: "proposal",
    run: ({ actor, proposal }) =>
      draftingCase(actor, proposal, async (socket) => {
        // Awaiting the actor's capital (China's for callers without a delegation).
        const delegationId = (await delegationOf(actor)) ?? (await delegationOf("delegate"))!;
        await s.db.clauseState.create({ data: { proposalId: proposal.id, clauseKey: paragraphOf(proposal), status: "AGREED_AD_REFERENDUM", setById: f.users.chair, capitals: { create: { delegationId } } } });
        return emit(socket, "clause:confirm", { proposalId: proposal.id, clauseKey: paragraphOf(proposal) });
      }),
  },
  "reading:start": {
    scope: "proposal",
    run: ({ actor, proposal }) => draftingCase(actor, proposal, (socket) => emit(socket, "reading:start", { proposalId: proposal.id })),
  },
  "reading:move": {
    scope: "proposal",
    run: ({ actor, proposal }) =>
      draftingCase(actor, proposal, async (socket) => {
        await s.db.reading.create({ data: { proposalId: proposal.id, startedById: f.users.chair, currentKey: paragraphOf(proposal) } });
        return emit(socket, "reading:move", { proposalId: proposal.id, direction: "next" });
      }),
  },
  "reading:end": {
    scope: "proposal",
    run: ({ actor, proposal }) =>
      draftingCase(actor, proposal, async (socket) => {
        await s.db.reading.create({ data: { proposalId: proposal.id, startedById: f.users.chair, currentKey: paragraphOf(proposal) } });
        return emit(socket, "reading:end", { proposalId: proposal.id });
      }),
  },

  // Server actions, through the use cases they call (see each action for its arguments)
  joinWithNewAccountAction: {
    scope: "workshop",
    async run() {
      const token = await newInvite(inviteWorkshopId);
      const email = `new-${unique()}@accord.example`;
      return attempt(() => acceptInvite({ db: s.db, token, now: now(), newAccount: { name: "New Member", email, password: "a-long-enough-password" } }));
    },
  },
  joinAsCurrentUserAction: {
    scope: "workshop",
    // Signed out, the action answers "Please sign in first." before any use case runs.
    actors: SIGNED_IN,
    async run({ userId }) {
      const token = await newInvite(inviteWorkshopId);
      return attempt(() => acceptInvite({ db: s.db, token, now: now(), userId: userId! }));
    },
  },
  changeProposalStateAction: {
    scope: "proposal",
    freshPerActor: true,
    run: ({ userId, proposal, value }) =>
      attempt(() => changeProposalState({ db: s.db, live: live(), userId, proposalId: proposal.id, change: value as "lock" | "unlock" | "withdraw", now: now() })),
  },
  lockCountdownAction: {
    scope: "proposal",
    freshPerActor: true,
    // No timer: only the check matters here, and a countdown must not lock the proposal later.
    run: ({ userId, proposal }) =>
      attempt(() => scheduleLock({ db: s.db, live: live(), timers: { schedule() {}, cancel() {}, async resume() {}, close() {} }, userId, proposalId: proposal.id, seconds: 30, now: now() })),
  },
  openVoteAction: {
    scope: "proposal",
    freshPerActor: true,
    run: ({ userId, proposal }) =>
      attempt(() =>
        openVoteRound({ db: s.db, rooms: rooms(), live: live(), userId, proposalId: proposal.id, input: { question: "Does the workshop adopt this text?", rule: "MAJORITY", quorum: 1, isOpenBallot: false }, now: now() }),
      ),
  },
  castBallotAction: {
    scope: "proposal",
    run: ({ userId, proposal }) => attempt(() => castBallot({ db: s.db, live: live(), userId, input: { roundId: proposal.roundId, choice: "YES", explanation: undefined }, now: now() })),
  },
  closeVoteAction: {
    scope: "proposal",
    freshPerActor: true,
    run: ({ userId, proposal, value }) => attempt(() => closeVoteRound({ db: s.db, live: live(), userId, roundId: proposal.roundId, cancel: value === "true", now: now() })),
  },
  setCurrentItemAction: {
    scope: "workshop",
    run: ({ userId }) => attempt(() => setCurrentItem({ db: s.db, live: live(), userId, workshopId: f.workshopId, proposalId: f.proposalId })),
  },
  listNotificationsAction: {
    scope: "workshop",
    run: ({ userId }) => attempt(() => listNotifications({ db: s.db, userId, workshopId: f.workshopId })),
  },
  markAllNotificationsReadAction: {
    scope: "workshop",
    run: ({ userId }) => attempt(() => markAllNotificationsRead({ db: s.db, userId, workshopId: f.workshopId, now: now() })),
  },
  requestFloorAction: {
    scope: "workshop",
    async run({ userId }) {
      await clearFloor(userId);
      const o = await attempt(() => requestFloor({ db: s.db, live: live(), userId, workshopId: f.workshopId, now: now() }));
      await clearFloor(userId);
      return o;
    },
  },
  withdrawFloorAction: {
    scope: "workshop",
    async run({ userId }) {
      await clearFloor(userId);
      // The caller has a waiting request, so only authorization can stop the withdrawal.
      if (userId) await s.db.floorRequest.create({ data: { workshopId: f.workshopId, userId, requestedAt: now() } });
      const o = await attempt(() => withdrawFloorRequest({ db: s.db, live: live(), userId, workshopId: f.workshopId, now: now() }));
      await clearFloor(userId);
      return o;
    },
  },
  giveFloorAction: {
    scope: "workshop",
    async run({ userId }) {
      const waiting = await s.db.floorRequest.create({ data: { workshopId: f.workshopId, userId: f.users.china2, requestedAt: now() } });
      return attempt(() => giveFloor({ db: s.db, live: live(), userId, workshopId: f.workshopId, input: { requestId: waiting.id, limitSeconds: 120 }, now: now() }));
    },
  },
  endFloorAction: {
    scope: "workshop",
    async run({ userId }) {
      await clearFloor(f.users.china2);
      await s.db.floorRequest.create({ data: { workshopId: f.workshopId, userId: f.users.china2, status: "SPEAKING", requestedAt: now(), startedAt: now(), limitSeconds: 120 } });
      return attempt(() => endFloor({ db: s.db, live: live(), userId, workshopId: f.workshopId, now: now() }));
    },
  },
  createDelegationAction: {
    scope: "workshop",
    run: ({ userId }) => attempt(() => createDelegation({ db: s.db, userId, workshopId: f.workshopId, input: { name: "Observer State", code: letters(counter++), colour: "#0f766e" } })),
  },
  createInviteAction: {
    scope: "workshop",
    run: ({ userId }) =>
      attempt(() => createInvite({ db: s.db, userId, workshopId: f.workshopId, now: now(), input: { role: "OBSERVER", delegationId: null, expiresInDays: 7, maxUses: 1 } })),
  },
  revokeInviteAction: {
    scope: "workshop",
    async run({ userId }) {
      const invite = await s.db.invite.findUniqueOrThrow({ where: { tokenHash: hashInviteToken(await newInvite(f.workshopId)) } });
      return attempt(() => revokeInvite({ db: s.db, userId, workshopId: f.workshopId, inviteId: invite.id, now: now() }));
    },
  },
  moveAgendaItemAction: {
    scope: "workshop",
    run: ({ userId }) => attempt(() => moveAgendaItem({ db: s.db, live: live(), userId, workshopId: f.workshopId, proposalId: f.proposalId, direction: "down" })),
  },
  changeMemberAction: {
    scope: "workshop",
    async run({ userId }) {
      const memberUserId = await spareMember();
      return attempt(() => changeMember({ db: s.db, live: live(), userId, workshopId: f.workshopId, memberUserId, input: { role: "OBSERVER", delegationId: null } }));
    },
  },
  removeMemberAction: {
    scope: "workshop",
    async run({ userId }) {
      const memberUserId = await spareMember();
      return attempt(() => removeMember({ db: s.db, live: live(), userId, workshopId: f.workshopId, memberUserId, now: now() }));
    },
  },
  editDelegationAction: {
    scope: "workshop",
    async run({ userId }) {
      const delegationId = await spareDelegation();
      return attempt(() => editDelegation({ db: s.db, live: live(), userId, workshopId: f.workshopId, delegationId, input: { name: `Renamed ${unique()}`, colour: "#1d4ed8" } }));
    },
  },
  deleteDelegationAction: {
    scope: "workshop",
    async run({ userId }) {
      const delegationId = await spareDelegation();
      return attempt(() => deleteDelegation({ db: s.db, live: live(), userId, workshopId: f.workshopId, delegationId }));
    },
  },
  createWorkshopAction: {
    scope: "workshop",
    // Instance-scoped (no workshop to be a member of): run under ACCORD_WORKSHOP_CREATORS=everyone,
    // where a session is all it takes; the administrators-only default is tested in workshops.test.ts.
    run: ({ userId }) => attempt(() => createWorkshop({ db: s.db, userId, creators: "everyone", input: { ...WORKSHOP_DETAILS, title: `New ${unique()}` } })),
  },
  editWorkshopDetailsAction: {
    scope: "workshop",
    run: ({ userId }) =>
      attempt(() => editWorkshopDetails({ db: s.db, live: live(), userId, workshopId: f.workshopId, input: { ...WORKSHOP_DETAILS, description: `Edited ${unique()}` } })),
  },
  archiveWorkshopAction: {
    scope: "workshop",
    async run({ userId }) {
      const workshopId = await twinWorkshop();
      return attempt(() => archiveWorkshop({ db: s.db, live: live(), userId, workshopId, now: now() }));
    },
  },
  saveVersionAction: {
    scope: "proposal",
    run: ({ userId, proposal }) => attempt(() => saveNamedVersion({ db: s.db, rooms: rooms(), userId, proposalId: proposal.id, label: "Chair's text Rev.1" })),
  },
  restoreVersionAction: {
    scope: "proposal",
    freshPerActor: true,
    run: ({ userId, proposal }) => attempt(() => restoreVersion({ db: s.db, rooms: rooms(), userId, proposalId: proposal.id, number: 1 })),
  },
  // A new agenda item in the suite's workshop, its starting text converted by the import worker.
  createProposalAction: {
    scope: "workshop",
    run: ({ userId }) =>
      attempt(() =>
        createProposal({ db: s.db, live: live(), userId, workshopId: f.workshopId, input: { title: `New item ${unique()}`, summary: "", start: { kind: "paste", format: "markdown", text: "# Article 1\n\n1. The Parties **agree**." } }, now: now() }),
      ),
  },
  // From the case's proposal's version 1 (its VOTE version), into the suite's workshop.
  duplicateAsNewDraftAction: {
    scope: "proposal",
    run: ({ userId, proposal }) => attempt(() => duplicateAsNewDraft({ db: s.db, live: live(), userId, proposalId: proposal.id, number: 1, now: now() })),
  },
  editProposalDetailsAction: {
    scope: "proposal",
    run: ({ userId, proposal }) => attempt(() => editProposalDetails({ db: s.db, live: live(), userId, proposalId: proposal.id, input: { title: `Renamed ${unique()}`, summary: "Edited." } })),
  },

  // The caller's own account (self-scoped): any signed-in caller, on an account of its own.
  renameAccountAction: { scope: "workshop", run: async ({ userId }) => attempt(async () => renameAccount({ db: s.db, userId: await ownAccount(userId), name: "Renamed Account" })) },
  setTimeZoneAction: { scope: "workshop", run: async ({ userId }) => attempt(async () => setTimeZone({ db: s.db, userId: await ownAccount(userId), timeZone: "Europe/Berlin" })) },
  setLanguageAction: { scope: "workshop", run: async ({ userId }) => attempt(async () => setLanguage({ db: s.db, userId: await ownAccount(userId), locale: "ko" })) },
  detectTimeZoneAction: {
    scope: "workshop",
    run: async ({ userId }) => attempt(async () => setTimeZone({ db: s.db, userId: await ownAccount(userId), timeZone: "Asia/Tokyo", onlyIfUnset: true })),
  },
  changePasswordAction: {
    scope: "workshop",
    run: async ({ userId }) =>
      attempt(async () => changePassword({ db: s.db, live: live(), userId: await ownAccount(userId), input: { currentPassword: SPARE_PASSWORD, newPassword: "a brand new password" } })),
  },
  signOutEverywhereAction: { scope: "workshop", run: async ({ userId }) => attempt(async () => signOutEverywhere({ db: s.db, live: live(), userId: await ownAccount(userId) })) },
  resetPasswordAction: {
    scope: "workshop",
    run: async () => attempt(async () => resetPassword({ db: s.db, live: live(), token: await newResetLink(), newPassword: "a brand new password", now: now() })),
  },
  createMemberResetLinkAction: {
    scope: "workshop",
    run: ({ userId }) => attempt(() => createResetLink({ db: s.db, userId, targetUserId: f.users.china2, workshopId: f.workshopId, now: now() })),
  },

  // Route handlers: the health check runs for real (it reads no session); the others through
  // the use case they answer with.
  "GET /api/health": {
    scope: "workshop",
    async run() {
      const res = await healthGET();
      return res.status === 200 ? { ok: true } : { ok: false, code: `HTTP_${res.status}` };
    },
  },
  "GET /api/proposals/[proposalId]/authors": { scope: "proposal", run: ({ userId, proposal }) => attempt(() => listDocumentAuthors({ db: s.db, userId, proposalId: proposal.id })) },
  "GET /api/proposals/[proposalId]/verify": { scope: "proposal", run: ({ userId, proposal }) => attempt(() => verifyHistory({ db: s.db, userId, proposalId: proposal.id })) },
  "GET /api/proposals/[proposalId]/export": {
    scope: "proposal",
    run: ({ userId, proposal }) =>
      attemptAll(
        () => exportProposal({ db: s.db, userId, proposalId: proposal.id, version: null, format: "md", paper: "A4", withDelegationComments: true }),
        () => exportProposal({ db: s.db, userId, proposalId: proposal.id, version: 1, format: "md", paper: "A4", withDelegationComments: false }),
      ),
  },
  "GET /api/proposals/[proposalId]/redline": {
    scope: "proposal",
    run: ({ userId, proposal }) => attempt(() => exportRedline({ db: s.db, userId, proposalId: proposal.id, from: 1, to: 1, format: "docx", paper: "A4" })),
  },
  "GET /api/workshops/[workshopId]/outcome-record": {
    scope: "workshop",
    async run({ userId }) {
      // Observers may read the record only where the chair allows it (the table's OBSERVER ✓ assumes so).
      await s.db.workshop.update({ where: { id: f.workshopId }, data: { outcomeForObservers: true } });
      return attempt(() => exportOutcomeRecord({ db: s.db, userId, workshopId: f.workshopId, format: "json", paper: "A4" }));
    },
  },
  // Everyone gets the self-check; what outcome.view guards is the comparison with history, so a
  // report that skipped it for the caller counts as the refusal it names.
  "POST /api/outcome-records/verify": {
    scope: "workshop",
    async run({ userId }) {
      // Observers may read the record only where the chair allows it (the table's OBSERVER ✓ assumes so).
      await s.db.workshop.update({ where: { id: f.workshopId }, data: { outcomeForObservers: true } });
      outcomeRecord ??= buildOutcomeRecord({ db: s.db, userId: f.users.chair, workshopId: f.workshopId }).then((r) => JSON.stringify(r));
      const report = await verifyOutcomeRecordAgainstDb({ db: s.db, userId, record: JSON.parse(await outcomeRecord) });
      if (report.history === "skipped") return { ok: false, code: report.skipped ?? "?" };
      return report.intact ? { ok: true } : { ok: false, code: `RECORD_${report.reason}` };
    },
  },

  // Pages: the loads each page runs, in its order (signed out, a page redirects to sign-in,
  // which the use cases answer with UNAUTHENTICATED).
  "page /invite/[token]": {
    scope: "workshop",
    async run() {
      const token = await newInvite(inviteWorkshopId);
      const view = await inspectInvite({ db: s.db, token, now: now() });
      return view.status === "VALID" ? { ok: true } : { ok: false, code: `INVITE_${view.status}` };
    },
  },
  "page /workshops": { scope: "workshop", actors: SIGNED_IN, run: ({ userId }) => attempt(() => listMyWorkshops({ db: s.db, userId: userId! })) },
  "page /account": { scope: "workshop", run: ({ userId }) => attempt(() => getAccount({ db: s.db, userId })) },
  "page /reset/[token]": {
    scope: "workshop",
    async run() {
      const view = await inspectResetLink({ db: s.db, token: await newResetLink(), now: now() });
      return view.status === "VALID" ? { ok: true } : { ok: false, code: `RESET_LINK_${view.status}` };
    },
  },
  // As for createWorkshopAction: under "everyone", the page's check is the session.
  "page /workshops/new": { scope: "workshop", run: ({ userId }) => attempt(() => assertMayCreateWorkshop(s.db, userId, "everyone")) },
  "page /workshops/[workshopId]/settings": { scope: "workshop", run: ({ userId }) => attempt(() => getWorkshopSettings({ db: s.db, userId, workshopId: f.workshopId })) },
  "page /workshops/[workshopId]": {
    scope: "workshop",
    run: ({ userId }) => attemptAll(() => getWorkshopOverview({ db: s.db, userId, workshopId: f.workshopId }), () => getWorkshopLive(s.db, f.workshopId, now())),
  },
  "page /workshops/[workshopId]/manage": {
    scope: "workshop",
    run: ({ userId }) =>
      attemptAll(
        () => getManagementView({ db: s.db, userId, workshopId: f.workshopId, now: now() }),
        () => getWorkshopOverview({ db: s.db, userId, workshopId: f.workshopId }),
      ),
  },
  "page /workshops/[workshopId]/audit": {
    scope: "workshop",
    run: ({ userId }) =>
      attemptAll(
        () => listAuditEvents({ db: s.db, userId, workshopId: f.workshopId }),
        () => getWorkshopOverview({ db: s.db, userId, workshopId: f.workshopId }),
      ),
  },
  "page /workshops/[workshopId]/proposals/new": { scope: "workshop", run: ({ userId }) => attempt(() => getNewProposalView({ db: s.db, userId, workshopId: f.workshopId })) },
  "page /workshops/[workshopId]/proposals/[proposalId]": {
    scope: "proposal",
    run: ({ userId, proposal }) =>
      attemptAll(
        () => getProposalView({ db: s.db, userId, proposalId: proposal.id }),
        () => listVoteRounds({ db: s.db, userId, proposalId: proposal.id }),
      ),
  },
  "page /workshops/[workshopId]/proposals/[proposalId]/history": {
    scope: "proposal",
    run: ({ userId, proposal }) => attemptAll(historyContext(userId, proposal), () => listVersions({ db: s.db, userId, proposalId: proposal.id })),
  },
  "page /workshops/[workshopId]/proposals/[proposalId]/history/[number]": {
    scope: "proposal",
    run: ({ userId, proposal }) =>
      attemptAll(
        historyContext(userId, proposal),
        () => getVersion({ db: s.db, userId, proposalId: proposal.id, number: 1 }),
        () => listVersions({ db: s.db, userId, proposalId: proposal.id, before: 2, take: 1 }),
      ),
  },
  "page /workshops/[workshopId]/proposals/[proposalId]/compare": {
    scope: "proposal",
    run: ({ userId, proposal }) =>
      attemptAll(
        historyContext(userId, proposal),
        () => listVersions({ db: s.db, userId, proposalId: proposal.id }),
        () => compareVersions({ db: s.db, userId, proposalId: proposal.id, from: 1, to: 1 }),
      ),
  },
};

/** The suite workshop's outcome record as a file carries it, made once by the chair. */
let outcomeRecord: Promise<string> | undefined;

/** What every history page loads first: the workshop overview, which must list the proposal. */
function historyContext(userId: string | null, proposal: Made) {
  return async () => {
    const overview = await getWorkshopOverview({ db: s.db, userId, workshopId: f.workshopId });
    if (!overview.proposals.some((p) => p.id === proposal.id)) throw new AppError("NOT_FOUND"); // the page's notFound()
  };
}

/** Entry points with no driver: they call no use case and read nothing but the caller's session. */
const UNDRIVEN: Record<string, string> = {
  "GET /api/auth/[...nextauth]": "next-auth's handler needs Next's request context; it reads only the caller's own session.",
  "POST /api/auth/[...nextauth]": "next-auth's handler needs Next's request context; signing in is covered by the sign-in tests.",
  "page /": "Calls no use case: redirects by the caller's own session.",
  "page /sign-in": "Calls no use case: the sign-in form.",
  // Administrators only (User.isAdmin), which no workshop role expresses: admin vs non-admin vs signed out is in accounts.test.ts.
  createAccountAction: "Administrators only, not a workshop role: driven admin vs non-admin vs signed out in tests/integration/accounts.test.ts.",
  createAccountResetLinkAction: "Administrators only, not a workshop role: driven admin vs non-admin vs signed out in tests/integration/accounts.test.ts.",
  "page /admin/accounts": "Administrators only, not a workshop role: driven admin vs non-admin vs signed out in tests/integration/accounts.test.ts.",
};

// ---- Rows and cases, generated ---------------------------------------------------------------

type Row = { id: string; driverId: string; kind: "socket" | "action" | "route" | "page"; action: Action | null; needsSession: boolean; value?: string };

function guardRow(kind: Row["kind"], id: string, guard: Guard): Row {
  return guard.action === null ? { id, driverId: id, kind, action: null, needsSession: guard.needsSession } : { id, driverId: id, kind, action: guard.action, needsSession: true };
}

const ROWS: Row[] = [
  ...Object.entries(SOCKET_ENTRY_POINTS).map(([event, guard]) => guardRow("socket", event, guard as Guard)),
  ...ACTION_ENTRY_POINTS.flatMap((a): Row[] => {
    if (a.action !== null && typeof a.action === "object") {
      const { argument, byValue } = a.action;
      return Object.entries(byValue).map(([value, action]) => ({ id: `${a.name}(${argument}=${value})`, driverId: a.name, kind: "action", action, needsSession: true, value }));
    }
    return [guardRow("action", a.name, a as Guard)];
  }),
  ...ROUTE_ENTRY_POINTS.map((r) => guardRow("route", `${r.method} ${r.path}`, r)),
  ...PAGE_ENTRY_POINTS.map((p) => guardRow("page", `page ${p.path}`, p)),
];

type Case = { name: string; row: Row; actor: ActorName; state: ProposalState | null; expected: "allowed" | "denied" };

function casesOf(row: Row): Case[] {
  const driver = DRIVERS[row.driverId];
  if (!driver) return [];
  const states: Array<ProposalState | null> = row.action && isProposalAction(row.action) ? [...PROPOSAL_STATES] : [null];
  return states.flatMap((state) =>
    (driver.actors ?? ACTORS).map((actor): Case => {
      const isAllowed = row.action ? decide(ROLE_OF[actor], row.action, state ?? undefined).allowed : !(actor === "anonymous" && row.needsSession);
      const expected = isAllowed ? "allowed" : "denied";
      return { name: `${row.id} × ${actor}${state ? ` × ${state}` : ""} → ${expected}`, row, actor, state, expected };
    }),
  );
}

const GROUPS = ROWS.map((row) => ({ id: row.id, cases: casesOf(row) })).filter((g) => g.cases.length > 0);
const CASES = GROUPS.flatMap((g) => g.cases);
const tallyOf = { ran: 0, allowed: 0, denied: 0, succeeded: 0 };

async function runCase(c: Case): Promise<Outcome> {
  const driver = DRIVERS[c.row.driverId]!;
  const state = c.state ?? "DRAFTING";
  const key = driver.freshPerActor ? `${c.row.id} ${state} ${c.actor}` : `${c.row.id} ${state}`;
  const proposal = driver.scope === "proposal" ? await proposalFor(key, state) : { id: f.proposalId, roundId: "", seed: new Uint8Array() };
  return driver.run({ actor: c.actor, userId: userOf(c.actor), proposal, value: c.row.value });
}

// ---- The suite -------------------------------------------------------------------------------

beforeAll(async () => {
  s = await startTestServer();
  f = await createFixture(s.db, "The Parties agree to cooperate.");
  inviteWorkshopId = (await s.db.workshop.create({ data: { title: "Invite-only workshop" } })).id;
  // The health route handler reads the process's database client.
  setDb(s.db);
});

afterAll(async () => {
  console.log(
    `access matrix: ${ROWS.length} entry points (${new Set(ROWS.map((r) => r.driverId)).size} distinct, ${Object.keys(UNDRIVEN).length} undriven), ` +
      `${ACTORS.length} actors over ${new Set(Object.values(ROLE_OF)).size - 1} roles + non-members, ${PROPOSAL_STATES.length} states, ` +
      `${CASES.length} cases (ran ${tallyOf.ran}): ${tallyOf.allowed} allowed (${tallyOf.succeeded} succeeded), ${tallyOf.denied} denied`,
  );
  for (const socket of sockets.values()) socket.disconnect();
  // Let coalesced live-board snapshots go out before the database closes.
  await new Promise((r) => setTimeout(r, 100));
  await s?.close();
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(ROOT, path).split(sep).join("/")];
  });
}

/** Exported values of a module: functions, constants and re-exports (`export { a as GET }`). */
function exportedNames(src: string): string[] {
  const names = [...src.matchAll(/export\s+(?:async\s+)?function\s*\*?\s*(\w+)/g), ...src.matchAll(/export\s+(?:const|let|var)\s+(\w+)/g)].map((m) => m[1]!);
  for (const m of src.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",").map((p) => p.trim()).filter(Boolean)) names.push(part.split(/\s+as\s+/).at(-1)!.trim());
  }
  if (/export\s+default\b/.test(src)) names.push("default");
  return names;
}

const isModuleDirective = (src: string) => /^["']use server["']/.test(src.replace(/^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/, ""));
const routePath = (file: string, suffix: string) => file.slice("app".length, -suffix.length).replace(/\/\([^)]+\)/g, "") || "/";
const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

describe("the registry is complete", () => {
  const appFiles = walk(join(ROOT, "app")).filter((p) => /\.(ts|tsx)$/.test(p));
  const source = (file: string) => readFileSync(join(ROOT, file), "utf8");

  it("has a row for every client event of the protocol, and none for an event that does not exist", () => {
    expect(Object.keys(SOCKET_ENTRY_POINTS).sort()).toEqual(Object.keys(ClientEvents).sort());
  });

  it("has a row for every exported server action (every module-level \"use server\" file under app/), and none stale", () => {
    const serverFiles = appFiles.filter((file) => isModuleDirective(source(file)));
    expect(serverFiles.length).toBeGreaterThan(0);
    const exported = serverFiles.flatMap((file) => exportedNames(source(file)).map((name) => `${file} ${name}`)).sort();
    expect(ACTION_ENTRY_POINTS.map((a) => `${a.file} ${a.name}`).sort()).toEqual(exported);
  });

  it("has no inline server actions (a \"use server\" inside a function would be an entry point without a row)", () => {
    const inline = appFiles.filter((file) => /["']use server["']/.test(source(file)) && !isModuleDirective(source(file)));
    expect(inline).toEqual([]);
  });

  it("has a row for every exported method of every route handler, and none stale", () => {
    const routes = appFiles.filter((file) => file.endsWith("/route.ts"));
    const exported = routes.flatMap((file) => exportedNames(source(file)).filter((n) => HTTP_METHODS.has(n)).map((m) => `${m} ${routePath(file, "/route.ts")}`)).sort();
    expect(ROUTE_ENTRY_POINTS.map((r) => `${r.method} ${r.path}`).sort()).toEqual(exported);
  });

  it("has a row for every page, and none stale", () => {
    const pages = appFiles.filter((file) => file.endsWith("/page.tsx")).map((file) => routePath(file, "/page.tsx")).sort();
    expect(PAGE_ENTRY_POINTS.map((p) => p.path).sort()).toEqual(pages);
  });

  it("names only actions of the access table", () => {
    const unknown = ROWS.filter((r) => r.action !== null && !Object.hasOwn(ACCESS_TABLE, r.action)).map((r) => r.id);
    expect(unknown).toEqual([]);
  });

  it("exercises every action of the access table at least once", () => {
    const used = new Set(ROWS.map((r) => r.action));
    expect(ACTIONS.filter((a) => !used.has(a))).toEqual([]);
  });

  it("gives a reason for every entry point that checks nothing", () => {
    const silent = [...Object.values(SOCKET_ENTRY_POINTS), ...ACTION_ENTRY_POINTS, ...ROUTE_ENTRY_POINTS, ...PAGE_ENTRY_POINTS].filter(
      (g) => g.action === null && !("reason" in g && g.reason.trim().length > 10),
    );
    expect(silent).toEqual([]);
  });

  it("drives every guarded entry point (only unguarded ones may go undriven, with a reason)", () => {
    const undriven = ROWS.filter((r) => !DRIVERS[r.driverId]).map((r) => r.id);
    expect(undriven.sort()).toEqual(Object.keys(UNDRIVEN).sort());
    expect(ROWS.filter((r) => !DRIVERS[r.driverId] && r.action !== null).map((r) => r.id)).toEqual([]);
    expect(Object.keys(DRIVERS).filter((id) => !ROWS.some((r) => r.driverId === id))).toEqual([]);
  });
});

describe.each(GROUPS)("$id", ({ cases }) => {
  it.each(cases)("$name", async (c) => {
    const outcome = await runCase(c);
    tallyOf.ran++;
    const got = isDenial(outcome) ? "denied" : "allowed";
    tallyOf[got]++;
    if (outcome.ok) tallyOf.succeeded++;
    expect(`${got} (${outcome.ok ? "ok" : outcome.code})`).toMatch(new RegExp(`^${c.expected} `));
    // Allowed calls are set up to succeed, so a pass cannot come from everything failing.
    if (c.expected === "allowed") expect(outcome).toEqual({ ok: true });
  });
});

describe("the matrix", () => {
  it("ran every case, allowed calls all succeeded, and both answers occur", () => {
    const expectedAllowed = CASES.filter((c) => c.expected === "allowed").length;
    expect(tallyOf.ran).toBe(CASES.length);
    expect(tallyOf.succeeded).toBe(expectedAllowed);
    expect(tallyOf.allowed).toBe(expectedAllowed);
    expect(tallyOf.denied).toBe(CASES.length - expectedAllowed);
    expect(expectedAllowed).toBeGreaterThan(100);
    expect(tallyOf.denied).toBeGreaterThan(100);
  });
});
