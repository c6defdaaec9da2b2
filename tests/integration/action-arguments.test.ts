// Server actions are public HTTP endpoints: their arguments are whatever a client sends. Every
// action of the entry-point registry is called here — for real, through its module, on a real
// server — with each argument in turn replaced by something malformed (wrong type, missing,
// 1 MB), and each form field in turn missing or oversized. Each call must be refused with
// INVALID_INPUT naming what was wrong, before the session is read, and nothing may change.
// The same argument lists, well-formed, must then get past the check (so the refusals above
// came from the argument that was spoiled), and the answers keep their codes.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb } from "../../lib/db";
import { ERRORS } from "../../lib/errors";
import type { ActionResult } from "../../lib/action-result";
import { ACTION_ENTRY_POINTS } from "../../server/entry-points";
import * as inviteActions from "../../app/invite/[token]/actions";
import * as decisionActions from "../../app/workshops/[workshopId]/decision-actions";
import * as notificationActions from "../../app/workshops/[workshopId]/notification-actions";
import * as manageActions from "../../app/workshops/[workshopId]/manage/actions";
import * as historyActions from "../../app/workshops/[workshopId]/proposals/[proposalId]/history/actions";
import * as newWorkshopActions from "../../app/workshops/new/actions";
import * as settingsActions from "../../app/workshops/[workshopId]/settings/actions";
import * as accountActions from "../../app/account/actions";
import * as resetActions from "../../app/reset/[token]/actions";
import * as adminAccountActions from "../../app/admin/accounts/actions";
import * as resetLinkActions from "../../app/workshops/[workshopId]/reset-link-actions";
import * as newProposalActions from "../../app/workshops/[workshopId]/proposals/new/actions";
import * as proposalActions from "../../app/workshops/[workshopId]/proposals/[proposalId]/actions";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

// ---- What Next would provide: the caller's session and the page cache ------------------------

const session = vi.hoisted(() => ({ userId: null as string | null, reads: 0 }));
vi.mock("../../server/auth/session.ts", () => ({
  currentUser: async () => {
    session.reads++;
    return session.userId === null ? null : { id: session.userId, name: "Test", email: "test@accord.example" };
  },
}));
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void revalidated.push(path) }));
// "Sign out everywhere" and a password change re-issue the caller's session cookie.
const cookieJar = vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "a-test-secret-of-at-least-32-characters";
  return new Map<string, string>();
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined), set: (name: string, value: string) => void cookieJar.set(name, value) }),
}));

const MODULES: Record<string, Record<string, unknown>> = {
  "app/invite/[token]/actions.ts": inviteActions,
  "app/workshops/[workshopId]/decision-actions.ts": decisionActions,
  "app/workshops/[workshopId]/notification-actions.ts": notificationActions,
  "app/workshops/[workshopId]/manage/actions.ts": manageActions,
  "app/workshops/[workshopId]/proposals/[proposalId]/history/actions.ts": historyActions,
  "app/workshops/new/actions.ts": newWorkshopActions,
  "app/workshops/[workshopId]/settings/actions.ts": settingsActions,
  "app/account/actions.ts": accountActions,
  "app/reset/[token]/actions.ts": resetActions,
  "app/admin/accounts/actions.ts": adminAccountActions,
  "app/workshops/[workshopId]/reset-link-actions.ts": resetLinkActions,
  "app/workshops/[workshopId]/proposals/new/actions.ts": newProposalActions,
  "app/workshops/[workshopId]/proposals/[proposalId]/actions.ts": proposalActions,
};

type Action = (...args: unknown[]) => Promise<ActionResult<unknown>>;

function actionNamed(name: string): Action {
  const entry = ACTION_ENTRY_POINTS.find((a) => a.name === name);
  const fn = entry && MODULES[entry.file]?.[name];
  if (typeof fn !== "function") throw new Error(`${name} is not an exported action of ${entry?.file ?? "any registered file"}`);
  return fn as Action;
}

// ---- Well-formed arguments for every action --------------------------------------------------

/** A form the way a browser sends it; `optional` fields may be left out of a real submission. */
type Form = { kind: "form"; fields: Record<string, string>; optional: readonly string[] };
const form = (fields: Record<string, string>, optional: readonly string[] = []): Form => ({ kind: "form", fields, optional });
/** useActionState's previous result: never read, so any value is fine. */
const PREVIOUS = { kind: "previous" } as const;
type Argument = string | number | boolean | null | Form | typeof PREVIOUS;

function toWire(value: Argument): unknown {
  if (value === PREVIOUS) return null;
  if (typeof value === "object" && value !== null && value.kind === "form") {
    const data = new FormData();
    for (const [k, v] of Object.entries(value.fields)) data.append(k, v);
    return data;
  }
  return value;
}

let s: TestServer;
let f: Fixture;

/** Positional arguments by name, as the pages bind them. Ids of rows that do not exist are fine: they are well-formed. */
function wellFormed(): Record<string, Array<[string, Argument]>> {
  const w = f.workshopId;
  const p = f.proposalId;
  const someId = "c".repeat(25);
  const token = "t".repeat(43);
  const workshopForm = form({ title: "Realtime test workshop", description: "", timeZone: "UTC", defaultVoteRule: "MAJORITY", defaultQuorum: "1" }, ["description"]);
  return {
    joinWithNewAccountAction: [["token", token], ["previous", PREVIOUS], ["form", form({ name: "New Delegate", email: "new@accord.example", password: "a long enough password" })]],
    joinAsCurrentUserAction: [["token", token]],
    changeProposalStateAction: [["workshopId", w], ["proposalId", p], ["change", "lock"]],
    lockCountdownAction: [["workshopId", w], ["proposalId", p], ["seconds", 30]],
    openVoteAction: [["workshopId", w], ["proposalId", p], ["previous", PREVIOUS], ["form", form({ question: "Adopt?", rule: "MAJORITY", quorum: "1", quorumMode: "NUMBER", isOpenBallot: "on" }, ["isOpenBallot", "quorum", "quorumMode"])]],
    castBallotAction: [["roundId", someId], ["choice", "YES"], ["explanation", "We support it."]],
    closeVoteAction: [["workshopId", w], ["roundId", someId], ["cancel", false]],
    setCurrentItemAction: [["workshopId", w], ["proposalId", p]],
    listNotificationsAction: [["workshopId", w]],
    markAllNotificationsReadAction: [["workshopId", w]],
    requestFloorAction: [["workshopId", w]],
    withdrawFloorAction: [["workshopId", w]],
    giveFloorAction: [["workshopId", w], ["requestId", someId], ["limitSeconds", 180]],
    endFloorAction: [["workshopId", w]],
    createDelegationAction: [["workshopId", w], ["previous", PREVIOUS], ["form", form({ name: "Singapore", code: "SGP", colour: "#0f766e" })]],
    createInviteAction: [["workshopId", w], ["previous", PREVIOUS], ["form", form({ role: "OBSERVER", delegationId: "", expiresInDays: "7", maxUses: "1" }, ["delegationId", "expiresInDays", "maxUses"])]],
    revokeInviteAction: [["workshopId", w], ["inviteId", someId]],
    moveAgendaItemAction: [["workshopId", w], ["proposalId", p], ["direction", "down"]],
    changeMemberAction: [["workshopId", w], ["memberUserId", someId], ["role", "OBSERVER"], ["delegationId", ""]],
    removeMemberAction: [["workshopId", w], ["memberUserId", someId]],
    editDelegationAction: [["workshopId", w], ["delegationId", someId], ["name", "Singapore"], ["colour", "#0f766e"]],
    deleteDelegationAction: [["workshopId", w], ["delegationId", someId]],
    saveVersionAction: [["workshopId", w], ["proposalId", p], ["previous", PREVIOUS], ["form", form({ label: "Rev.1" })]],
    restoreVersionAction: [["workshopId", w], ["proposalId", p], ["number", 1], ["confirmAgreed", false]],
    duplicateAsNewDraftAction: [["workshopId", w], ["proposalId", p], ["number", 1]],
    // The "Import text" file part is left out: a file there is what the form expects (see the proposals suite).
    createProposalAction: [["workshopId", w], ["previous", PREVIOUS], ["form", form({ title: "New item", summary: "", text: "The Parties agree.", format: "text" }, ["summary", "text", "format"])]],
    editProposalDetailsAction: [["workshopId", w], ["proposalId", p], ["previous", PREVIOUS], ["form", form({ title: "Live text", summary: "" }, ["summary"])]],
    // The chair is no administrator: refused (FORBIDDEN) under the default rule, which is all this needs.
    createWorkshopAction: [["previous", PREVIOUS], ["form", workshopForm]],
    editWorkshopDetailsAction: [["workshopId", w], ["previous", PREVIOUS], ["form", workshopForm]],
    // A workshop that does not exist: archiving the fixture's would refuse every later call.
    archiveWorkshopAction: [["workshopId", someId]],
    renameAccountAction: [["previous", PREVIOUS], ["form", form({ name: "Chair" })]],
    setTimeZoneAction: [["previous", PREVIOUS], ["form", form({ timeZone: "Europe/Berlin" })]],
    detectTimeZoneAction: [["timeZone", "Asia/Tokyo"]],
    setLanguageAction: [["locale", "ko"]],
    changePasswordAction: [["previous", PREVIOUS], ["form", form({ currentPassword: "not the password", newPassword: "a long enough password" })]],
    signOutEverywhereAction: [],
    resetPasswordAction: [["token", token], ["previous", PREVIOUS], ["form", form({ newPassword: "a long enough password" })]],
    createAccountAction: [["previous", PREVIOUS], ["form", form({ name: "New Person", email: "new-person@accord.example", setup: "link", password: "" }, ["password"])]],
    createAccountResetLinkAction: [["targetUserId", someId]],
    createMemberResetLinkAction: [["workshopId", w], ["targetUserId", someId]],
  };
}

// ---- Malformed variants, generated ---------------------------------------------------------

const HUGE = "x".repeat(1 << 20);
/** A refusal names the field; it never echoes the input back. */
const MAX_MESSAGE_LENGTH = 500;

type Spoiled = { name: string; action: string; args: unknown[]; field: string };

function spoiled(): Spoiled[] {
  return Object.entries(wellFormed()).flatMap(([action, named]) => {
    const base = named.map(([, v]) => toWire(v));
    const out: Spoiled[] = [];
    named.forEach(([argName, value], i) => {
      if (value === PREVIOUS) return;
      const replace = (label: string, junk: unknown, field = argName) => {
        const args = [...base];
        args[i] = junk;
        out.push({ name: `${action}: ${argName} ${label}`, action, args, field });
      };
      replace("of the wrong type (an object)", { [argName]: "nested" });
      replace("missing", undefined);
      replace("1 MB long", HUGE);
      if (typeof value === "object" && value !== null && value.kind === "form") {
        for (const fieldName of Object.keys(value.fields)) {
          const withField = (label: string, v: string | Blob | null) => {
            const data = new FormData();
            for (const [k, fv] of Object.entries(value.fields)) {
              if (k !== fieldName) data.append(k, fv);
              else if (v !== null) data.append(k, v);
            }
            replace(label, data, `${argName}.${fieldName}`);
          };
          withField(`.${fieldName} 1 MB long`, HUGE);
          withField(`.${fieldName} a file`, new Blob(["%PDF"]));
          if (!value.optional.includes(fieldName)) withField(`.${fieldName} missing`, null);
        }
      }
    });
    out.push({ name: `${action}: one argument too many`, action, args: [...base, "extra"], field: "arguments" });
    return out;
  });
}

// ---- Database snapshot -----------------------------------------------------------------------

async function snapshot(): Promise<string> {
  const { db } = s;
  const tables = await Promise.all([
    db.user.findMany(),
    db.workshop.findMany(),
    db.delegation.findMany(),
    db.member.findMany(),
    db.invite.findMany(),
    db.proposal.findMany(),
    db.documentUpdate.findMany(),
    db.documentCheckpoint.findMany(),
    db.documentClient.findMany(),
    db.version.findMany(),
    db.voteRound.findMany(),
    db.ballot.findMany(),
    db.auditEvent.findMany(),
    db.floorRequest.findMany(),
  ]);
  // Yjs client ids are BigInts; bytes serialize as their contents.
  return JSON.stringify(tables, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}

// ---- The suite -------------------------------------------------------------------------------

let before: string;

beforeAll(async () => {
  s = await startTestServer();
  f = await createFixture(s.db, "The Parties agree to cooperate.");
  // The actions reach the database and the rooms the way Next's bundle does: through the process.
  setDb(s.db);
  before = await snapshot();
});

afterAll(async () => {
  // Let coalesced live-board snapshots go out before the database closes.
  await new Promise((r) => setTimeout(r, 100));
  await s?.close();
});

describe("every argument of every server action is checked", () => {
  it("covers every action of the registry", () => {
    expect(Object.keys(wellFormed()).sort()).toEqual(ACTION_ENTRY_POINTS.map((a) => a.name).sort());
    for (const a of ACTION_ENTRY_POINTS) expect(typeof actionNamed(a.name)).toBe("function");
  });

  // Generated after the fixture exists (ids are part of the arguments).
  it("refuses each malformed argument with INVALID_INPUT naming it, before reading the session", async () => {
    session.userId = f.users.chair; // allowed to do all of it: a refusal cannot come from authorization
    const cases = spoiled();
    expect(cases.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const c of cases) {
      const result = await actionNamed(c.action)(...c.args);
      const isRefused = !result.ok && result.code === "INVALID_INPUT" && result.message.startsWith(`${c.field}:`) && result.message.length <= MAX_MESSAGE_LENGTH;
      if (!isRefused) wrong.push(`${c.name} → ${JSON.stringify(result).slice(0, 200)}`);
      // Refusals settle without I/O; let the server (same process) have its turn between them.
      await new Promise((r) => setImmediate(r));
    }
    expect(wrong).toEqual([]);
    expect(session.reads).toBe(0);
    expect(revalidated).toEqual([]);
  });

  it("changed nothing in the database", async () => {
    expect(await snapshot()).toBe(before);
  });

  it("lets the same arguments through when they are well-formed (the refusals came from what was spoiled)", async () => {
    session.userId = f.users.chair;
    const answers: Record<string, string> = {};
    for (const [action, named] of Object.entries(wellFormed())) {
      const result = await actionNamed(action)(...named.map(([, v]) => toWire(v)));
      answers[action] = result.ok ? "ok" : result.code;
    }
    const malformed = Object.entries(answers).filter(([, code]) => code === "INVALID_INPUT" || code === "INTERNAL");
    expect(malformed).toEqual([]);
    expect(session.reads).toBeGreaterThan(0);
  });
});

describe("answers", () => {
  it("keep the use case's code and the table's message", async () => {
    session.userId = f.users.observer;
    const result = await decisionActions.requestFloorAction(f.workshopId);
    expect(result).toEqual({ ok: false, code: "FORBIDDEN", message: ERRORS.FORBIDDEN.message });
  });

  it("carry the data and revalidate the pages that changed", async () => {
    session.userId = f.users.chair;
    revalidated.length = 0;
    // The second item: the calls above put the first one to the vote.
    const result = await historyActions.saveVersionAction(f.workshopId, f.otherProposalId, null, formData({ label: "Chair's text Rev.2" }));
    const latest = await s.db.version.findFirstOrThrow({ where: { proposalId: f.otherProposalId }, orderBy: { number: "desc" } });
    expect(result).toEqual({ ok: true, data: { number: latest.number } });
    expect(latest.label).toBe("Chair's text Rev.2");
    expect(revalidated).toEqual([`/workshops/${f.workshopId}/proposals/${f.otherProposalId}`]);
  });

  it("say what the use case says about a well-formed but unacceptable value, and revalidate nothing", async () => {
    session.userId = f.users.chair;
    revalidated.length = 0;
    const result = await historyActions.saveVersionAction(f.workshopId, f.otherProposalId, null, formData({ label: "   " }));
    expect(result).toEqual({ ok: false, code: "INVALID_INPUT", message: "Give the version a name." });
    expect(revalidated).toEqual([]);
  });

  it("refuse an id that is not one (ids end up in revalidated paths)", async () => {
    session.userId = f.users.chair;
    const reads = session.reads;
    revalidated.length = 0;
    const result = await decisionActions.setCurrentItemAction("../../sign-in", null);
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", message: expect.stringMatching(/^workshopId: /) });
    expect([session.reads, revalidated]).toEqual([reads, []]);
  });

  it("refuse a signed-out caller where the action needs a session, and change nothing", async () => {
    session.userId = null;
    const invites = await s.db.invite.count();
    const members = await s.db.member.count();
    const result = await inviteActions.joinAsCurrentUserAction("t".repeat(43));
    expect(result).toEqual({ ok: false, code: "UNAUTHENTICATED", message: ERRORS.UNAUTHENTICATED.message });
    expect([await s.db.invite.count(), await s.db.member.count()]).toEqual([invites, members]);
  });
});

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}
