// Workshops as a whole: creating one (instance rule, validation naming the field, all or
// nothing), editing its details, archiving it (read-only for everyone afterwards, on every path:
// edits, votes, invites, the floor; reads keep working), several chairs, and isolation between
// workshops. Use cases on a real SQLite file (triggers inject the faults).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBytes } from "../../lib/bytes";
import { docFromState, stateFromPmJson } from "../../lib/document/convert";
import { isAppError } from "../../lib/errors";
import type { LiveDocuments } from "../../server/services/live-documents";
import type { LiveNotifier } from "../../server/services/live-notifier";
import { createWorkshop } from "../../server/services/workshop/create-workshop";
import { editWorkshopDetails } from "../../server/services/workshop/edit-workshop-details";
import { archiveWorkshop } from "../../server/services/workshop/archive-workshop";
import { getWorkshopSettings } from "../../server/services/workshop/get-workshop-settings";
import { getWorkshopOverview } from "../../server/services/workshop/get-workshop-overview";
import { getWorkshopLive } from "../../server/services/workshop/get-workshop-live";
import { getManagementView } from "../../server/services/workshop/get-management-view";
import { listMyWorkshops } from "../../server/services/workshop/list-my-workshops";
import { createDelegation } from "../../server/services/workshop/create-delegation";
import { moveAgendaItem } from "../../server/services/workshop/move-agenda-item";
import { setCurrentItem } from "../../server/services/workshop/set-current-item";
import { createInvite } from "../../server/services/invites/create-invite";
import { revokeInvite } from "../../server/services/invites/revoke-invite";
import { acceptInvite } from "../../server/services/invites/accept-invite";
import { inspectInvite } from "../../server/services/invites/inspect-invite";
import { changeProposalState } from "../../server/services/proposals/change-proposal-state";
import { getProposalView } from "../../server/services/proposals/get-proposal-view";
import { openVoteRound } from "../../server/services/votes/open-vote-round";
import { castBallot } from "../../server/services/votes/cast-ballot";
import { closeVoteRound } from "../../server/services/votes/close-vote-round";
import { listVoteRounds } from "../../server/services/votes/list-vote-rounds";
import { saveNamedVersion } from "../../server/services/history/save-named-version";
import { restoreVersion } from "../../server/services/history/restore-version";
import { listVersions } from "../../server/services/history/list-versions";
import { getVersion } from "../../server/services/history/get-version";
import { verifyHistory } from "../../server/services/history/verify-history";
import { cutVersion, freezeText } from "../../server/services/history/cut-version";
import { listAuditEvents } from "../../server/services/audit/list-audit-events";
import { giveFloor, requestFloor } from "../../server/services/floor/speaking-queue";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
const now = () => new Date();

/** Records what the use cases tell the live layer. */
function recordingNotifier() {
  const calls: string[] = [];
  const live: LiveNotifier = {
    proposalState: (id, state) => calls.push(`state ${id} ${state}`),
    workshopChanged: (id) => calls.push(`changed ${id}`),
    accessChanged: ({ userId, workshopId }) => calls.push(`access ${userId} ${workshopId ?? ""}`),
    workshopArchived: (id) => calls.push(`archived ${id}`),
    editingMode: (id, mode) => calls.push(`mode ${id} ${mode}`),
    agreedParagraphs: (id, keys) => calls.push(`agreed ${id} ${keys.length}`),
    amendmentsChanged: (id, list) => calls.push(`amendments ${id} ${list.length}`),
    threadChanged: (id, thread) => calls.push(`thread ${id} ${thread.id}`),
    draftingChanged: (id) => calls.push(`drafting ${id}`),
    usersNotified: (id, users) => calls.push(`notified ${id} ${users.length}`),
  };
  return { live, calls };
}
const silent = recordingNotifier().live;

/** Use cases refused before they reach the live text never touch it; one that does is a failure here. */
const untouchableRooms = new Proxy({} as LiveDocuments, {
  get: (_, prop) => () => {
    throw new Error(`the live text was reached (${String(prop)}) by a call that should have been refused`);
  },
});

/** The named error a call was refused with (the test fails if it succeeded). */
async function refusal(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected a refusal, but the call succeeded");
}

async function user(name: string, isAdmin = false): Promise<string> {
  const u = await t.db.user.create({ data: { email: `${name}-${Math.random().toString(36).slice(2)}@accord.example`, name, passwordHash: "unused", isAdmin } });
  return u.id;
}

const DETAILS = { title: "Regional health cooperation", description: "Drafting session", timeZone: "Asia/Tokyo", defaultVoteRule: "CONSENSUS", defaultQuorum: 3 } as const;

async function counts() {
  return { workshops: await t.db.workshop.count(), members: await t.db.member.count(), audit: await t.db.auditEvent.count({ where: { action: "workshop.create" } }) };
}

/** A proposal in VOTING with an open round on a VOTE version, as opening a vote leaves it. */
async function votingProposal(f: Fixture): Promise<{ proposalId: string; roundId: string }> {
  const seed = stateFromPmJson({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Put to the vote." }] }] });
  const p = await t.db.proposal.create({ data: { workshopId: f.workshopId, title: "Voting item", position: 5, state: "VOTING" } });
  await t.db.documentCheckpoint.create({ data: { proposalId: p.id, state: asBytes(seed) } });
  const doc = docFromState(seed);
  const version = await cutVersion(t.db, { proposalId: p.id, workshopId: f.workshopId, frozen: freezeText(doc), kind: "VOTE", label: "Put to the vote: Adopt?", authorId: f.users.chair, editors: new Set(), now: now() });
  doc.destroy();
  const round = await t.db.voteRound.create({ data: { proposalId: p.id, versionId: version!.id, question: "Adopt?", rule: "MAJORITY", quorum: 1, openedById: f.users.chair, openedAt: now() } });
  return { proposalId: p.id, roundId: round.id };
}

beforeAll(async () => {
  // Triggers are the injected faults: written for SQLite.
  t = await createTestDb({ engine: "sqlite" });
});
afterAll(async () => t?.cleanup());

describe("creating a workshop", () => {
  it("makes the creator its chair and records it, for an administrator under the default rule", async () => {
    const admin = await user("Admin", true);
    const { workshopId } = await createWorkshop({ db: t.db, userId: admin, creators: "admins", input: DETAILS });
    const w = await t.db.workshop.findUniqueOrThrow({ where: { id: workshopId }, include: { members: true } });
    expect(w).toMatchObject({ ...DETAILS, createdById: admin, archivedAt: null });
    expect(w.members.map((m) => [m.userId, m.role, m.delegationId])).toEqual([[admin, "MODERATOR", null]]);
    const audit = await t.db.auditEvent.findMany({ where: { workshopId } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["workshop.create", admin]]);
    // The new chair finds it in "My workshops" and may edit it.
    expect((await listMyWorkshops({ db: t.db, userId: admin })).map((m) => [m.id, m.role])).toEqual([[workshopId, "MODERATOR"]]);
    expect((await getWorkshopSettings({ db: t.db, userId: admin, workshopId })).timeZone).toBe("Asia/Tokyo");
  });

  it("refuses a non-administrator under the default rule (admins), creating nothing; anyone signed in under 'everyone'", async () => {
    const member = await user("Member");
    const before = await counts();
    expect((await refusal(() => createWorkshop({ db: t.db, userId: member, creators: "admins", input: DETAILS }))).code).toBe("FORBIDDEN");
    expect((await refusal(() => createWorkshop({ db: t.db, userId: null, creators: "everyone", input: DETAILS }))).code).toBe("UNAUTHENTICATED");
    expect(await counts()).toEqual(before);
    const { workshopId } = await createWorkshop({ db: t.db, userId: member, creators: "everyone", input: DETAILS });
    expect(await t.db.member.findMany({ where: { workshopId }, select: { userId: true, role: true } })).toEqual([{ userId: member, role: "MODERATOR" }]);
  });

  it("names the field at fault, and creates nothing", async () => {
    const admin = await user("Admin", true);
    const before = await counts();
    const cases: Array<[Partial<Record<keyof typeof DETAILS, unknown>>, string]> = [
      [{ title: "   " }, "Title"],
      [{ title: "x".repeat(201) }, "Title"],
      [{ description: "x".repeat(2001) }, "Description"],
      [{ timeZone: "Mars/Olympus_Mons" }, "Time zone"],
      [{ timeZone: "utc" }, "Time zone"],
      [{ defaultVoteRule: "UNANIMITY" }, "Default vote rule"],
      [{ defaultQuorum: 0 }, "Default quorum"],
      [{ defaultQuorum: "2.5" }, "Default quorum"],
      [{ defaultQuorum: "" }, "Default quorum"],
    ];
    for (const [over, field] of cases) {
      const r = await refusal(() => createWorkshop({ db: t.db, userId: admin, creators: "admins", input: { ...DETAILS, ...over } as never }));
      expect(r.code, JSON.stringify(over)).toBe("INVALID_INPUT");
      expect(r.message.startsWith(`${field}:`), `${JSON.stringify(over)} → ${r.message}`).toBe(true);
    }
    expect(await counts()).toEqual(before);
    // Form text is read as the form sends it: a numeric string, a title with spaces around it.
    const { workshopId } = await createWorkshop({ db: t.db, userId: admin, creators: "admins", input: { ...DETAILS, title: "  Trimmed  ", defaultQuorum: "4" as never } });
    expect(await t.db.workshop.findUniqueOrThrow({ where: { id: workshopId }, select: { title: true, defaultQuorum: true } })).toEqual({ title: "Trimmed", defaultQuorum: 4 });
  });

  it("leaves nothing half created when a part fails (the audit entry, the chair's membership)", async () => {
    const admin = await user("Admin", true);
    for (const trigger of [
      `CREATE TRIGGER fail_create_audit BEFORE INSERT ON "AuditEvent" WHEN NEW."action" = 'workshop.create' BEGIN SELECT RAISE(ABORT, 'injected audit failure'); END`,
      `CREATE TRIGGER fail_create_member BEFORE INSERT ON "Member" WHEN NEW."role" = 'MODERATOR' BEGIN SELECT RAISE(ABORT, 'injected membership failure'); END`,
    ]) {
      const name = /TRIGGER (\w+)/.exec(trigger)![1]!;
      const before = await counts();
      await t.db.$executeRawUnsafe(trigger);
      try {
        await expect(createWorkshop({ db: t.db, userId: admin, creators: "admins", input: { ...DETAILS, title: `Doomed ${name}` } })).rejects.toThrow();
      } finally {
        await t.db.$executeRawUnsafe(`DROP TRIGGER ${name}`);
      }
      expect(await counts()).toEqual(before);
      expect(await t.db.workshop.count({ where: { title: `Doomed ${name}` } })).toBe(0);
    }
    // Without the fault, the same call goes through whole.
    const { workshopId } = await createWorkshop({ db: t.db, userId: admin, creators: "admins", input: { ...DETAILS, title: "Survivor" } });
    expect(await t.db.member.count({ where: { workshopId } })).toBe(1);
  });
});

describe("editing a workshop's details", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(t.db);
  });

  it("lets a chair change them, records old and new values, and refreshes everyone's board", async () => {
    const { live, calls } = recordingNotifier();
    const r = await editWorkshopDetails({ db: t.db, live, userId: f.users.chair, workshopId: f.workshopId, input: { ...DETAILS, defaultQuorum: 2 } });
    expect(r.changed.sort()).toEqual(["defaultQuorum", "defaultVoteRule", "description", "timeZone", "title"]);
    expect(calls).toEqual([`changed ${f.workshopId}`]);
    const board = await getWorkshopLive(t.db, f.workshopId, now());
    expect(board.workshop).toEqual({ ...DETAILS, defaultQuorum: 2, archivedAt: null });
    const [event] = await t.db.auditEvent.findMany({ where: { workshopId: f.workshopId, action: "workshop.edit" } });
    expect(JSON.parse(event!.detail)).toMatchObject({ timeZone: { from: "UTC", to: "Asia/Tokyo" }, defaultQuorum: { from: 1, to: 2 } });
    expect(event!.actorId).toBe(f.users.chair);

    // Saving unchanged details records nothing and disturbs nobody.
    const again = recordingNotifier();
    expect((await editWorkshopDetails({ db: t.db, live: again.live, userId: f.users.chair, workshopId: f.workshopId, input: { ...DETAILS, defaultQuorum: 2 } })).changed).toEqual([]);
    expect(again.calls).toEqual([]);
    expect(await t.db.auditEvent.count({ where: { workshopId: f.workshopId, action: "workshop.edit" } })).toBe(1);
  });

  it("refuses delegates and observers (FORBIDDEN), non-members (NOT_FOUND) and a bad field (naming it)", async () => {
    for (const userId of [f.users.china, f.users.observer]) {
      expect((await refusal(() => editWorkshopDetails({ db: t.db, live: silent, userId, workshopId: f.workshopId, input: DETAILS }))).code).toBe("FORBIDDEN");
      expect((await refusal(() => getWorkshopSettings({ db: t.db, userId, workshopId: f.workshopId }))).code).toBe("FORBIDDEN");
    }
    expect((await refusal(() => editWorkshopDetails({ db: t.db, live: silent, userId: f.users.outsider, workshopId: f.workshopId, input: DETAILS }))).code).toBe("NOT_FOUND");
    const bad = await refusal(() => editWorkshopDetails({ db: t.db, live: silent, userId: f.users.chair, workshopId: f.workshopId, input: { ...DETAILS, timeZone: "Nowhere/Special" } }));
    expect(bad).toMatchObject({ code: "INVALID_INPUT" });
    expect(bad.message).toMatch(/^Time zone:/);
  });

  it("treats every MODERATOR as a chair (co-chairs): each may edit, both are listed", async () => {
    const coChair = await user("Co-chair");
    await t.db.member.create({ data: { workshopId: f.workshopId, userId: coChair, role: "MODERATOR" } });
    await editWorkshopDetails({ db: t.db, live: silent, userId: coChair, workshopId: f.workshopId, input: { ...DETAILS, title: "Renamed by the co-chair" } });
    const overview = await getWorkshopOverview({ db: t.db, userId: f.users.china, workshopId: f.workshopId });
    expect(overview.workshop.title).toBe("Renamed by the co-chair");
    expect(overview.members.filter((m) => m.role === "MODERATOR").map((m) => m.name).sort()).toEqual(["Chair", "Co-chair"]);
    expect((await listMyWorkshops({ db: t.db, userId: coChair })).map((w) => w.role)).toEqual(["MODERATOR"]);
  });
});

describe("archiving a workshop", () => {
  let f: Fixture;
  let other: Fixture;
  let voting: { proposalId: string; roundId: string };
  let pendingInvite: string;
  let otherInvite: string;

  beforeAll(async () => {
    f = await createFixture(t.db, "Archived text.");
    other = await createFixture(t.db, "Untouched text.");
    voting = await votingProposal(f);
    pendingInvite = (await createInvite({ db: t.db, userId: f.users.chair, workshopId: f.workshopId, now: now(), input: { role: "OBSERVER", delegationId: null, expiresInDays: 7, maxUses: 5 } })).token;
    otherInvite = (await createInvite({ db: t.db, userId: other.users.chair, workshopId: other.workshopId, now: now(), input: { role: "OBSERVER", delegationId: null, expiresInDays: 7, maxUses: 5 } })).token;
    await requestFloor({ db: t.db, live: silent, userId: f.users.china, workshopId: f.workshopId, now: now() });
  });

  it("is refused while a vote is open (it could never be closed), and for anyone but a chair", async () => {
    const open = await refusal(() => archiveWorkshop({ db: t.db, live: silent, userId: f.users.chair, workshopId: f.workshopId, now: now() }));
    expect(open.code).toBe("CONFLICT");
    expect(open.message).toContain("Voting item");
    expect((await refusal(() => archiveWorkshop({ db: t.db, live: silent, userId: f.users.china, workshopId: f.workshopId, now: now() }))).code).toBe("FORBIDDEN");
    // Another workshop's chair learns nothing about this one.
    expect((await refusal(() => archiveWorkshop({ db: t.db, live: silent, userId: other.users.chair, workshopId: f.workshopId, now: now() }))).code).toBe("NOT_FOUND");
    expect((await t.db.workshop.findUniqueOrThrow({ where: { id: f.workshopId } })).archivedAt).toBeNull();
  });

  it("archives: recorded, the live layer told, the speaking queue emptied", async () => {
    await closeVoteRound({ db: t.db, live: silent, userId: f.users.chair, roundId: voting.roundId, cancel: true, now: now() });
    const { live, calls } = recordingNotifier();
    await archiveWorkshop({ db: t.db, live, userId: f.users.chair, workshopId: f.workshopId, now: now() });
    expect(calls).toEqual([`archived ${f.workshopId}`, `changed ${f.workshopId}`]);
    expect((await t.db.workshop.findUniqueOrThrow({ where: { id: f.workshopId } })).archivedAt).toBeInstanceOf(Date);
    expect(await t.db.auditEvent.count({ where: { workshopId: f.workshopId, action: "workshop.archive", actorId: f.users.chair } })).toBe(1);
    expect(await t.db.floorRequest.count({ where: { workshopId: f.workshopId, status: { in: ["WAITING", "SPEAKING"] } } })).toBe(0);
    const board = await getWorkshopLive(t.db, f.workshopId, now());
    expect(board.workshop.archivedAt).not.toBeNull();
    expect(board.floor).toEqual([]);
  });

  it("refuses every change with ARCHIVED, for every role that could make it before", async () => {
    const { chair, china } = f.users;
    const w = f.workshopId;
    const p = f.proposalId;
    const invite = await t.db.invite.findFirstOrThrow({ where: { workshopId: w } });
    const usesBefore = invite.uses;
    const attempts: Record<string, () => Promise<unknown>> = {
      "edit details": () => editWorkshopDetails({ db: t.db, live: silent, userId: chair, workshopId: w, input: DETAILS }),
      "archive again": () => archiveWorkshop({ db: t.db, live: silent, userId: chair, workshopId: w, now: now() }),
      "settings page": () => getWorkshopSettings({ db: t.db, userId: chair, workshopId: w }),
      "manage page": () => getManagementView({ db: t.db, userId: chair, workshopId: w, now: now() }),
      "add a delegation": () => createDelegation({ db: t.db, userId: chair, workshopId: w, input: { name: "Singapore", code: "SGP", colour: "#0f766e" } }),
      "create an invite": () => createInvite({ db: t.db, userId: chair, workshopId: w, now: now(), input: { role: "OBSERVER", delegationId: null, expiresInDays: 7, maxUses: 1 } }),
      "revoke an invite": () => revokeInvite({ db: t.db, userId: chair, workshopId: w, inviteId: invite.id, now: now() }),
      "accept an invite (signed in)": () => acceptInvite({ db: t.db, token: pendingInvite, now: now(), userId: other.users.observer }),
      "accept an invite (new account)": () => acceptInvite({ db: t.db, token: pendingInvite, now: now(), newAccount: { name: "Late Comer", email: "late@accord.example", password: "a-long-enough-password" } }),
      "move an agenda item": () => moveAgendaItem({ db: t.db, live: silent, userId: chair, workshopId: w, proposalId: p, direction: "down" }),
      "put an item on the floor": () => setCurrentItem({ db: t.db, live: silent, userId: chair, workshopId: w, proposalId: p }),
      "lock drafting": () => changeProposalState({ db: t.db, live: silent, userId: chair, proposalId: p, change: "lock", now: now() }),
      "withdraw": () => changeProposalState({ db: t.db, live: silent, userId: chair, proposalId: p, change: "withdraw", now: now() }),
      "open a vote": () => openVoteRound({ db: t.db, rooms: untouchableRooms, live: silent, userId: chair, proposalId: p, input: { question: "Adopt?", rule: "MAJORITY", quorum: 1, isOpenBallot: false }, now: now() }),
      "save a version": () => saveNamedVersion({ db: t.db, rooms: untouchableRooms, userId: chair, proposalId: p, label: "After the end" }),
      "restore a version": () => restoreVersion({ db: t.db, rooms: untouchableRooms, userId: chair, proposalId: p, number: 1 }),
      "ask for the floor": () => requestFloor({ db: t.db, live: silent, userId: china, workshopId: w, now: now() }),
      "give the floor": () => giveFloor({ db: t.db, live: silent, userId: chair, workshopId: w, input: { requestId: "none", limitSeconds: 120 }, now: now() }),
    };
    const codes = Object.fromEntries(await Promise.all(Object.entries(attempts).map(async ([name, run]) => [name, (await refusal(run)).code] as const)));
    expect(codes).toEqual(Object.fromEntries(Object.keys(attempts).map((name) => [name, "ARCHIVED"])));
    expect((await t.db.invite.findUniqueOrThrow({ where: { id: invite.id } })).uses).toBe(usesBefore);
    expect(await t.db.user.count({ where: { email: "late@accord.example" } })).toBe(0);
    expect(await inspectInvite({ db: t.db, token: pendingInvite, now: now() })).toEqual({ status: "ARCHIVED" });
  });

  it("refuses ballots and closing a round that was open when the workshop was archived (a race), with ARCHIVED", async () => {
    const g = await createFixture(t.db, "Raced text.");
    const round = await votingProposal(g);
    await t.db.workshop.update({ where: { id: g.workshopId }, data: { archivedAt: now() } });
    expect((await refusal(() => castBallot({ db: t.db, live: silent, userId: g.users.china, input: { roundId: round.roundId, choice: "YES" }, now: now() }))).code).toBe("ARCHIVED");
    expect((await refusal(() => closeVoteRound({ db: t.db, live: silent, userId: g.users.chair, roundId: round.roundId, cancel: false, now: now() }))).code).toBe("ARCHIVED");
    expect(await t.db.ballot.count({ where: { roundId: round.roundId } })).toBe(0);
  });

  it("keeps everything readable for every member: workshop, texts, history, votes, the audit log", async () => {
    for (const userId of [f.users.chair, f.users.china, f.users.observer]) {
      const overview = await getWorkshopOverview({ db: t.db, userId, workshopId: f.workshopId });
      expect(overview.workshop.archivedAt).toBeInstanceOf(Date);
      expect((await getProposalView({ db: t.db, userId, proposalId: f.proposalId })).content).toBeTruthy();
      expect((await listVoteRounds({ db: t.db, userId, proposalId: voting.proposalId })).length).toBe(1);
      expect((await listVersions({ db: t.db, userId, proposalId: voting.proposalId })).versions.length).toBeGreaterThan(0);
      expect(await getVersion({ db: t.db, userId, proposalId: voting.proposalId, number: 1 })).toBeTruthy();
      expect(await verifyHistory({ db: t.db, userId, proposalId: voting.proposalId })).toMatchObject({ isIntact: true });
    }
    const audit = await listAuditEvents({ db: t.db, userId: f.users.chair, workshopId: f.workshopId });
    expect(JSON.stringify(audit)).toContain("workshop.archive");
    // "My workshops" lists it, marked archived, for everyone in it.
    for (const userId of [f.users.chair, f.users.china]) {
      const mine = await listMyWorkshops({ db: t.db, userId });
      expect(mine.find((m) => m.id === f.workshopId)?.archivedAt).toBeInstanceOf(Date);
    }
  });

  it("leaves other workshops untouched: their chair edits, their invites admit", async () => {
    await editWorkshopDetails({ db: t.db, live: silent, userId: other.users.chair, workshopId: other.workshopId, input: { ...DETAILS, title: "Still running" } });
    const joiner = await user("Joiner");
    expect(await acceptInvite({ db: t.db, token: otherInvite, now: now(), userId: joiner })).toEqual({ workshopId: other.workshopId, userId: joiner });
    expect((await getWorkshopLive(t.db, other.workshopId, now())).workshop).toMatchObject({ title: "Still running", archivedAt: null });
    // A chair of the archived workshop has no say over another one.
    expect((await refusal(() => editWorkshopDetails({ db: t.db, live: silent, userId: f.users.chair, workshopId: other.workshopId, input: DETAILS }))).code).toBe("NOT_FOUND");
    expect((await refusal(() => getWorkshopSettings({ db: t.db, userId: f.users.chair, workshopId: other.workshopId }))).code).toBe("NOT_FOUND");
  });
});
