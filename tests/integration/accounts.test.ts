// Operators and accounts on a real database: sessions that "Sign out everywhere", a password
// change or a reset end (for pages and for sockets on a real server), password-reset links
// (who may make them, expiry, single use, isolation between workshops), the administrators'
// entry points (admin vs non-admin vs signed out), who may create workshops, time zones and
// the demonstration notice.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import { setDb, type Db } from "../../lib/db";
import { RESET_LINK_TTL_MS } from "../../lib/domain/password-reset";
import { loadEnv } from "../../lib/env";
import type { WorkshopCreators } from "../../lib/domain/instance-access";
import { isAppError } from "../../lib/errors";
import { silentNotifier, type LiveNotifier } from "../../server/services/live-notifier";
import { authOptions } from "../../server/auth/options";
import { LoginLimiter } from "../../server/auth/login-limiter";
import { changePassword } from "../../server/services/people/change-password";
import { createAccount } from "../../server/services/people/create-account";
import { createResetLink } from "../../server/services/people/create-reset-link";
import { getAccount } from "../../server/services/people/get-account";
import { inspectResetLink } from "../../server/services/people/inspect-reset-link";
import { assertAdministrator, assertMayCreateWorkshop, userMayCreateWorkshop } from "../../server/services/people/instance-access";
import { forgetDemoInstanceCheck, isDemoInstance } from "../../server/services/people/is-demo-instance";
import { listAccounts } from "../../server/services/people/list-accounts";
import { renameAccount } from "../../server/services/people/rename-account";
import { resetPassword } from "../../server/services/people/reset-password";
import { loadSessionAccount } from "../../server/services/people/session-account";
import { setTimeZone } from "../../server/services/people/set-time-zone";
import { signOutEverywhere } from "../../server/services/people/sign-out-everywhere";
import { verifyCredentials } from "../../server/services/people/verify-credentials";
import { isDatabaseEmpty, seedDemo, DEMO_PASSWORD, DEMO_USERS } from "../../server/seed/seed";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { createTestDb } from "../helpers/test-db";
import { eventually, startTestServer, waitForConnect, type TestServer } from "../helpers/test-server";
import { io as connectSocket, type Socket } from "socket.io-client";
import { CLIENT_SOCKET_OPTIONS } from "../../lib/realtime/socket-options";

// What Next provides to the cookie re-issue: the request's cookie jar.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));

let s: TestServer;
let f: Fixture;
let admin: string;
/** A second workshop with its own chair; `onlyThere` is a member of it and of nothing else. */
let other: { workshopId: string; chair: string; onlyThere: string };

const PASSWORD = "the first password";
let passwordHash: string;

async function account(name: string, opts: { isAdmin?: boolean } = {}): Promise<string> {
  const email = `${name.toLowerCase().replaceAll(" ", ".")}-${Math.random().toString(36).slice(2, 8)}@accord.example`;
  return (await s.db.user.create({ data: { email, name, passwordHash, isAdmin: opts.isAdmin ?? false } })).id;
}

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
}

function recordingNotifier(): LiveNotifier & { changes: Array<{ userId: string; workshopId?: string }> } {
  const changes: Array<{ userId: string; workshopId?: string }> = [];
  return { ...silentNotifier, accessChanged: (c) => void changes.push(c), changes };
}

/** A session cookie as next-auth writes it at sign-in (the jwt callback puts the epoch in). */
async function signedInCookie(userId: string): Promise<{ cookie: string; epoch: number }> {
  const user = await s.db.user.findUniqueOrThrow({ where: { id: userId } });
  const token = await authOptions.callbacks!.jwt!({ token: {}, user: { id: user.id, name: user.name, email: user.email, sessionEpoch: user.sessionEpoch }, account: null, trigger: "signIn" } as never);
  const jwt = await encode({ token, secret: s.secret });
  return { cookie: `next-auth.session-token=${jwt}`, epoch: user.sessionEpoch };
}

/** What currentUser() does with a cookie: decode it (as getServerSession does), then the one read. */
async function pageSession(cookie: string) {
  const token = await decode({ token: cookie.split("=")[1]!, secret: s.secret });
  if (!token?.sub) return null;
  const session = await authOptions.callbacks!.session!({ session: { user: { name: token.name, email: token.email }, expires: "" }, token } as never);
  return loadSessionAccount(s.db, token.sub, (session as { epoch?: number }).epoch);
}

const sockets: Socket[] = [];
function openWithCookie(cookie: string): Socket {
  const socket = connectSocket(s.url, { ...CLIENT_SOCKET_OPTIONS, reconnection: false, forceNew: true, extraHeaders: { cookie } });
  sockets.push(socket);
  return socket;
}
async function socketAnswer(cookie: string): Promise<string> {
  const socket = openWithCookie(cookie);
  try {
    await waitForConnect(socket);
    return "connected";
  } catch (e) {
    return (e as Error).message;
  } finally {
    socket.disconnect();
  }
}

beforeAll(async () => {
  s = await startTestServer();
  // The socket handshake checks sessions against the process's database, as in server/index.ts.
  setDb(s.db);
  process.env.NEXTAUTH_SECRET = s.secret;
  passwordHash = await hashPassword(PASSWORD);
  f = await createFixture(s.db);
  admin = await account("Instance Admin", { isAdmin: true });
  const w2 = await s.db.workshop.create({ data: { title: "Another negotiation" } });
  const chair2 = await account("Second Chair");
  const onlyThere = await account("Only There");
  await s.db.member.createMany({
    data: [
      { workshopId: w2.id, userId: chair2, role: "MODERATOR" },
      { workshopId: w2.id, userId: onlyThere, role: "DELEGATE" },
    ],
  });
  other = { workshopId: w2.id, chair: chair2, onlyThere };
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await s?.close();
});

describe("sessions", () => {
  it("carry the account's epoch from sign-in into the session", async () => {
    const userId = await account("Epoch Carrier");
    await s.db.user.update({ where: { id: userId }, data: { sessionEpoch: 3 } });
    const { cookie, epoch } = await signedInCookie(userId);
    expect(epoch).toBe(3);
    expect((await decode({ token: cookie.split("=")[1]!, secret: s.secret }))?.epoch).toBe(3);
    expect(await pageSession(cookie)).toMatchObject({ id: userId, name: "Epoch Carrier", isAdmin: false, timeZone: null });
  });

  it("sign out everywhere: the old token is refused by pages and by the socket handshake, open sockets close, this browser's re-issued cookie works", async () => {
    const userId = await account("Careful Delegate");
    const { cookie: old } = await signedInCookie(userId);
    expect(await pageSession(old)).not.toBeNull();
    expect(await socketAnswer(old)).toBe("connected");

    // Another tab, connected when it happens.
    const tab = openWithCookie(old);
    await waitForConnect(tab);
    // This browser's cookie, which the action re-issues.
    jar.clear();
    jar.set("next-auth.session-token", old.split("=")[1]!);

    const { sessionEpoch } = await signOutEverywhere({ db: s.db, live: s.server.live, userId });
    const { reissueSessionCookie } = await import("../../server/auth/session-cookie");
    await reissueSessionCookie(userId, sessionEpoch);

    expect(sessionEpoch).toBe(1);
    await eventually(() => !tab.connected, "the other tab's socket to close");
    expect(await pageSession(old)).toBeNull();
    expect(await socketAnswer(old)).toBe("UNAUTHENTICATED");

    const fresh = `next-auth.session-token=${jar.get("next-auth.session-token")}`;
    const token = await decode({ token: jar.get("next-auth.session-token")!, secret: s.secret });
    expect(token).toMatchObject({ sub: userId, epoch: 1, name: "Careful Delegate" });
    expect(await pageSession(fresh)).toMatchObject({ id: userId });
    expect(await socketAnswer(fresh)).toBe("connected");
  });

  it("a token for an account that no longer exists is refused", async () => {
    const userId = await account("Gone Soon");
    const { cookie } = await signedInCookie(userId);
    await s.db.user.delete({ where: { id: userId } });
    expect(await pageSession(cookie)).toBeNull();
    expect(await socketAnswer(cookie)).toBe("UNAUTHENTICATED");
  });

  it("tokens from before epochs existed (none in them) still work until the first sign-out everywhere", async () => {
    const userId = await account("Old Token");
    const legacy = `next-auth.session-token=${await encode({ token: { sub: userId, name: "Old Token" }, secret: s.secret })}`;
    expect(await socketAnswer(legacy)).toBe("connected");
    await signOutEverywhere({ db: s.db, live: silentNotifier, userId });
    expect(await socketAnswer(legacy)).toBe("UNAUTHENTICATED");
    expect(await pageSession(legacy)).toBeNull();
  });
});

describe("change password", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const userId = await account("Forgetful");
    const before = await s.db.user.findUniqueOrThrow({ where: { id: userId } });
    const live = recordingNotifier();
    const code = await codeOf(() => changePassword({ db: s.db, live, userId, input: { currentPassword: "not it at all", newPassword: "a whole new password" } }));
    expect(code).toBe("WRONG_PASSWORD");
    expect(await s.db.user.findUniqueOrThrow({ where: { id: userId } })).toEqual(before);
    expect(live.changes).toEqual([]);
  });

  it("applies the sign-up password rule", async () => {
    const userId = await account("Short Password");
    await expect(changePassword({ db: s.db, live: silentNotifier, userId, input: { currentPassword: PASSWORD, newPassword: "short" } })).rejects.toThrow("Use at least 10 characters.");
  });

  it("the old password stops working, the new one works, and every other session ends", async () => {
    const userId = await account("Rotating");
    const { email } = await s.db.user.findUniqueOrThrow({ where: { id: userId } });
    const { cookie: old } = await signedInCookie(userId);
    const live = recordingNotifier();
    const { sessionEpoch } = await changePassword({ db: s.db, live, userId, input: { currentPassword: PASSWORD, newPassword: "a whole new password" } });
    expect(sessionEpoch).toBe(1);
    expect(await verifyCredentials({ db: s.db, email, password: PASSWORD })).toBeNull();
    expect(await verifyCredentials({ db: s.db, email, password: "a whole new password" })).toMatchObject({ id: userId, sessionEpoch: 1 });
    expect(live.changes).toEqual([{ userId }]);
    expect(await pageSession(old)).toBeNull();
    expect(await socketAnswer(old)).toBe("UNAUTHENTICATED");
  });

  it("slows wrong current passwords like failed sign-ins", async () => {
    const userId = await account("Guessed At");
    const limiter = new LoginLimiter(s.db);
    const t0 = Date.now();
    // Three mistakes are free; the fourth makes the next try wait 2 s, the fifth 4 s.
    for (let i = 0; i < 4; i++) {
      expect(await codeOf(() => changePassword({ db: s.db, live: silentNotifier, userId, limiter, now: t0, input: { currentPassword: `guess ${i}`, newPassword: "taken over account" } }))).toBe("WRONG_PASSWORD");
    }
    expect(await codeOf(() => changePassword({ db: s.db, live: silentNotifier, userId, limiter, now: t0, input: { currentPassword: "guess 4", newPassword: "taken over account" } }))).toBe("RATE_LIMITED");
    expect(await codeOf(() => changePassword({ db: s.db, live: silentNotifier, userId, limiter, now: t0 + 2000, input: { currentPassword: "guess 4", newPassword: "taken over account" } }))).toBe("WRONG_PASSWORD");
    expect(await codeOf(() => changePassword({ db: s.db, live: silentNotifier, userId, limiter, now: t0 + 2000, input: { currentPassword: PASSWORD, newPassword: "taken over account" } }))).toBe("RATE_LIMITED");
    expect(await codeOf(() => changePassword({ db: s.db, live: silentNotifier, userId, limiter, now: t0 + 6000, input: { currentPassword: PASSWORD, newPassword: "my own new password" } }))).toBe("ok");
  });

  it("needs a signed-in caller", async () => {
    expect(await codeOf(() => changePassword({ db: s.db, live: silentNotifier, userId: null, input: { currentPassword: PASSWORD, newPassword: "a whole new password" } }))).toBe("UNAUTHENTICATED");
  });
});

describe("password-reset links", () => {
  const now = new Date("2026-12-01T09:00:00Z");

  it("a chair makes one for a member: stored hashed, audited, a day long; it sets the password once and signs the account out everywhere", async () => {
    const { email } = await s.db.user.findUniqueOrThrow({ where: { id: f.users.china2 } });
    await s.db.user.update({ where: { id: f.users.china2 }, data: { passwordHash } });
    const { cookie: old } = await signedInCookie(f.users.china2);
    const { token, expiresAt } = await createResetLink({ db: s.db, userId: f.users.chair, targetUserId: f.users.china2, workshopId: f.workshopId, now });
    expect(expiresAt.getTime() - now.getTime()).toBe(RESET_LINK_TTL_MS);
    const stored = await s.db.passwordReset.findFirstOrThrow({ where: { userId: f.users.china2 }, orderBy: { createdAt: "desc" } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored).toMatchObject({ createdById: f.users.chair, workshopId: f.workshopId, usedAt: null });
    const audit = await s.db.auditEvent.findFirstOrThrow({ where: { workshopId: f.workshopId, action: "password.resetlink" } });
    expect(audit.actorId).toBe(f.users.chair);
    expect(JSON.parse(audit.detail)).toMatchObject({ userId: f.users.china2 });
    expect(audit.detail).not.toContain(token);

    expect(await inspectResetLink({ db: s.db, token, now })).toEqual({ status: "VALID", name: "Zhang Min", email });
    const live = recordingNotifier();
    const later = new Date(now.getTime() + 60_000);
    expect(await resetPassword({ db: s.db, live, token, newPassword: "set by the member", now: later })).toEqual({ email });
    expect(live.changes).toEqual([{ userId: f.users.china2 }]);
    // (The fixture's emails are not in normalized form, so the stored hash is checked directly.)
    const hashNow = async () => (await s.db.user.findUniqueOrThrow({ where: { id: f.users.china2 } })).passwordHash;
    expect(await verifyPassword(PASSWORD, await hashNow())).toBe(false);
    expect(await verifyPassword("set by the member", await hashNow())).toBe(true);
    expect(await pageSession(old)).toBeNull();
    expect(await socketAnswer(old)).toBe("UNAUTHENTICATED");

    // Single use.
    expect(await inspectResetLink({ db: s.db, token, now: later })).toEqual({ status: "USED" });
    expect(await codeOf(() => resetPassword({ db: s.db, live, token, newPassword: "someone else's try", now: later }))).toBe("RESET_LINK_USED");
    expect(await verifyPassword("set by the member", await hashNow())).toBe(true);
  });

  it("expires after a day", async () => {
    const { token } = await createResetLink({ db: s.db, userId: f.users.chair, targetUserId: f.users.japan, workshopId: f.workshopId, now });
    const justBefore = new Date(now.getTime() + RESET_LINK_TTL_MS - 1);
    const atExpiry = new Date(now.getTime() + RESET_LINK_TTL_MS);
    expect((await inspectResetLink({ db: s.db, token, now: justBefore })).status).toBe("VALID");
    expect(await inspectResetLink({ db: s.db, token, now: atExpiry })).toEqual({ status: "EXPIRED" });
    expect(await codeOf(() => resetPassword({ db: s.db, live: silentNotifier, token, newPassword: "too late for this", now: atExpiry }))).toBe("RESET_LINK_EXPIRED");
  });

  it("an unknown token says so, and a new password must meet the rule", async () => {
    expect(await inspectResetLink({ db: s.db, token: "x".repeat(43), now })).toEqual({ status: "UNKNOWN" });
    expect(await codeOf(() => resetPassword({ db: s.db, live: silentNotifier, token: "x".repeat(43), newPassword: "long enough password", now }))).toBe("RESET_LINK_UNKNOWN");
    const { token } = await createResetLink({ db: s.db, userId: f.users.chair, targetUserId: f.users.observer, workshopId: f.workshopId, now });
    expect(await codeOf(() => resetPassword({ db: s.db, live: silentNotifier, token, newPassword: "short", now }))).toBe("INVALID_INPUT");
    expect((await inspectResetLink({ db: s.db, token, now })).status).toBe("VALID");
  });

  it("two submissions of one link: exactly one sets the password", async () => {
    const target = await account("Raced");
    const { token } = await createResetLink({ db: s.db, userId: admin, targetUserId: target, now });
    const codes = await Promise.all(["first racer password", "second racer password"].map((p) => codeOf(() => resetPassword({ db: s.db, live: silentNotifier, token, newPassword: p, now }))));
    expect(codes.sort()).toEqual(["RESET_LINK_USED", "ok"]);
    expect((await s.db.user.findUniqueOrThrow({ where: { id: target } })).sessionEpoch).toBe(1);
  });

  it.each([
    ["a delegate of the workshop", () => f.users.china, () => f.users.japan, () => f.workshopId, "FORBIDDEN"],
    ["an observer of the workshop", () => f.users.observer, () => f.users.japan, () => f.workshopId, "FORBIDDEN"],
    ["a chair, for someone outside the workshop", () => f.users.chair, () => other.onlyThere, () => f.workshopId, "NOT_FOUND"],
    ["a chair, naming another workshop", () => f.users.chair, () => other.onlyThere, () => other.workshopId, "NOT_FOUND"],
    ["another workshop's chair, for this workshop's member", () => other.chair, () => f.users.japan, () => f.workshopId, "NOT_FOUND"],
    ["a chair, for an administrator who is a member", () => f.users.chair, () => admin, () => f.workshopId, "FORBIDDEN"],
    ["a chair, without a workshop", () => f.users.chair, () => f.users.japan, () => null, "FORBIDDEN"],
    ["nobody signed in", () => null, () => f.users.japan, () => f.workshopId, "UNAUTHENTICATED"],
  ])("is refused to %s", async (_name, actor, target, workshop, expected) => {
    if (target() === admin) await s.db.member.upsert({ where: { workshopId_userId: { workshopId: f.workshopId, userId: admin } }, update: {}, create: { workshopId: f.workshopId, userId: admin, role: "OBSERVER" } });
    const before = await s.db.passwordReset.count();
    expect(await codeOf(() => createResetLink({ db: s.db, userId: actor(), targetUserId: target(), workshopId: workshop(), now }))).toBe(expected);
    expect(await s.db.passwordReset.count()).toBe(before);
  });

  it("is refused to a chair when the member is also in a workshop they do not chair (a new password opens every seat)", async () => {
    const both = await s.db.user.create({ data: { email: `both-${Date.now()}@accord.example`, name: "Two Seats", passwordHash: "x" } });
    await s.db.member.create({ data: { workshopId: f.workshopId, userId: both.id, role: "DELEGATE" } });
    await s.db.member.create({ data: { workshopId: other.workshopId, userId: both.id, role: "OBSERVER" } });
    const before = await s.db.passwordReset.count();
    expect(await codeOf(() => createResetLink({ db: s.db, userId: f.users.chair, targetUserId: both.id, workshopId: f.workshopId, now }))).toBe("FORBIDDEN");
    expect(await s.db.passwordReset.count()).toBe(before);
    // Chairing both workshops, the same chair may.
    await s.db.member.create({ data: { workshopId: other.workshopId, userId: f.users.chair, role: "MODERATOR" } });
    await expect(createResetLink({ db: s.db, userId: f.users.chair, targetUserId: both.id, workshopId: f.workshopId, now })).resolves.toMatchObject({ token: expect.any(String) });
    await s.db.member.delete({ where: { workshopId_userId: { workshopId: other.workshopId, userId: f.users.chair } } });
  });

  it("an administrator makes one for any account, with or without a workshop (audited only where the account is a member)", async () => {
    const audits = await s.db.auditEvent.count({ where: { action: "password.resetlink" } });
    const a = await createResetLink({ db: s.db, userId: admin, targetUserId: other.onlyThere, now });
    const b = await createResetLink({ db: s.db, userId: admin, targetUserId: other.onlyThere, workshopId: f.workshopId, now });
    const c = await createResetLink({ db: s.db, userId: admin, targetUserId: other.onlyThere, workshopId: other.workshopId, now });
    for (const { token } of [a, b, c]) expect((await inspectResetLink({ db: s.db, token, now })).status).toBe("VALID");
    expect(await s.db.auditEvent.count({ where: { action: "password.resetlink" } })).toBe(audits + 1);
    expect(await s.db.auditEvent.count({ where: { action: "password.resetlink", workshopId: other.workshopId } })).toBe(1);
    expect(await codeOf(() => createResetLink({ db: s.db, userId: admin, targetUserId: "c".repeat(25), now }))).toBe("NOT_FOUND");
  });
});

describe("administrators' entry points", () => {
  it("createAccount: an administrator creates one with a password, or with a link to set it; others are refused", async () => {
    const withPassword = await createAccount({ db: s.db, userId: admin, input: { setup: "password", name: "New Delegate", email: "New.Delegate@Accord.example", password: "an initial password" }, now: new Date() });
    expect(withPassword.resetToken).toBeNull();
    expect(await verifyCredentials({ db: s.db, email: "new.delegate@accord.example", password: "an initial password" })).toMatchObject({ id: withPassword.userId, name: "New Delegate" });

    const withLink = await createAccount({ db: s.db, userId: admin, input: { setup: "link", name: "Linked Person", email: "linked@accord.example" }, now: new Date() });
    expect(withLink.resetToken).toEqual(expect.any(String));
    await resetPassword({ db: s.db, live: silentNotifier, token: withLink.resetToken!, newPassword: "chosen by them", now: new Date() });
    expect(await verifyCredentials({ db: s.db, email: "linked@accord.example", password: "chosen by them" })).not.toBeNull();

    expect(await codeOf(() => createAccount({ db: s.db, userId: admin, input: { setup: "link", name: "Again", email: "LINKED@accord.example" }, now: new Date() }))).toBe("EMAIL_TAKEN");
    expect(await codeOf(() => createAccount({ db: s.db, userId: admin, input: { setup: "password", name: "Weak", email: "weak@accord.example", password: "short" }, now: new Date() }))).toBe("INVALID_INPUT");
    for (const [caller, code] of [[f.users.chair, "FORBIDDEN"], [f.users.china, "FORBIDDEN"], [null, "UNAUTHENTICATED"]] as const) {
      expect(await codeOf(() => createAccount({ db: s.db, userId: caller, input: { setup: "link", name: "Not Made", email: "not-made@accord.example" }, now: new Date() }))).toBe(code);
    }
    expect(await s.db.user.findUnique({ where: { email: "not-made@accord.example" } })).toBeNull();
  });

  it("listAccounts (the Accounts page) answers administrators only", async () => {
    const { accounts, total } = await listAccounts({ db: s.db, userId: admin });
    expect(total).toBe(await s.db.user.count());
    expect(accounts.find((a) => a.id === admin)).toMatchObject({ isAdmin: true });
    expect((await listAccounts({ db: s.db, userId: admin, search: "linked" })).accounts.map((a) => a.email)).toEqual(["linked@accord.example"]);
    expect(await codeOf(() => listAccounts({ db: s.db, userId: f.users.chair }))).toBe("FORBIDDEN");
    expect(await codeOf(() => listAccounts({ db: s.db, userId: null }))).toBe("UNAUTHENTICATED");
    expect(await codeOf(() => assertAdministrator(s.db, f.users.observer))).toBe("FORBIDDEN");
  });

  it("reset links without a workshop (the Accounts page's button): administrators only", async () => {
    expect(await codeOf(() => createResetLink({ db: s.db, userId: admin, targetUserId: f.users.japan, now: new Date() }))).toBe("ok");
    expect(await codeOf(() => createResetLink({ db: s.db, userId: f.users.chair, targetUserId: f.users.japan, now: new Date() }))).toBe("FORBIDDEN");
    expect(await codeOf(() => createResetLink({ db: s.db, userId: null, targetUserId: f.users.japan, now: new Date() }))).toBe("UNAUTHENTICATED");
  });
});

describe("who may create workshops (ACCORD_WORKSHOP_CREATORS)", () => {
  it("is read from the environment: administrators by default, or everyone; anything else names the variable", () => {
    const only = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;
    expect(loadEnv(only({})).ACCORD_WORKSHOP_CREATORS).toBe("admins");
    expect(loadEnv(only({ ACCORD_WORKSHOP_CREATORS: "" })).ACCORD_WORKSHOP_CREATORS).toBe("admins");
    expect(loadEnv(only({ ACCORD_WORKSHOP_CREATORS: "everyone" })).ACCORD_WORKSHOP_CREATORS).toBe("everyone");
    expect(() => loadEnv(only({ ACCORD_WORKSHOP_CREATORS: "chairs" }))).toThrow(/ACCORD_WORKSHOP_CREATORS: must be "admins" or "everyone"/);
  });

  it.each<[string, () => string | null, WorkshopCreators, string]>([
    ["an administrator", () => admin, "admins", "ok"],
    ["an administrator", () => admin, "everyone", "ok"],
    ["another account", () => f.users.china, "admins", "FORBIDDEN"],
    ["another account", () => f.users.china, "everyone", "ok"],
    ["nobody signed in", () => null, "admins", "UNAUTHENTICATED"],
    ["nobody signed in", () => null, "everyone", "UNAUTHENTICATED"],
    ["an account that no longer exists", () => "c".repeat(25), "everyone", "UNAUTHENTICATED"],
  ])("%s, setting %s → %s", async (_name, who, setting, expected) => {
    expect(await codeOf(() => assertMayCreateWorkshop(s.db, who(), setting))).toBe(expected);
    expect(await userMayCreateWorkshop(s.db, who(), setting)).toBe(expected === "ok");
  });
});

describe("the account's own settings", () => {
  it("display name and time zone: validated, self-scoped, and the detected zone never overrides a chosen one", async () => {
    const userId = await account("Settings Person");
    expect(await codeOf(() => renameAccount({ db: s.db, userId, name: " " }))).toBe("INVALID_INPUT");
    await renameAccount({ db: s.db, userId, name: "  Settled Name " });
    expect(await getAccount({ db: s.db, userId })).toMatchObject({ name: "Settled Name", timeZone: null });

    expect(await codeOf(() => setTimeZone({ db: s.db, userId, timeZone: "Mars/Olympus_Mons" }))).toBe("INVALID_INPUT");
    expect(await setTimeZone({ db: s.db, userId, timeZone: "Etc/UTC", onlyIfUnset: true })).toEqual({ timeZone: "UTC", changed: true });
    expect(await setTimeZone({ db: s.db, userId, timeZone: "Asia/Tokyo", onlyIfUnset: true })).toEqual({ timeZone: "Asia/Tokyo", changed: false });
    expect((await getAccount({ db: s.db, userId })).timeZone).toBe("UTC");
    await setTimeZone({ db: s.db, userId, timeZone: "Asia/Tokyo" });
    expect((await getAccount({ db: s.db, userId })).timeZone).toBe("Asia/Tokyo");
    expect(await codeOf(() => getAccount({ db: s.db, userId: null }))).toBe("UNAUTHENTICATED");
  });
});

describe("the demonstration notice", () => {
  let demo: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    demo = await createTestDb();
  });
  afterAll(async () => demo?.cleanup());

  it("shows while the seeded demo accounts keep the published password, and not after they are changed", async () => {
    forgetDemoInstanceCheck();
    expect(await isDemoInstance(demo.db)).toBe(false);
    expect(await isDatabaseEmpty(demo.db)).toBe(true);
    await seedDemo(demo.db);
    // Kept for a few minutes: still the answer from before the seed…
    expect(await isDemoInstance(demo.db)).toBe(false);
    // …until it is re-checked.
    expect(await isDemoInstance(demo.db, Date.now() + 6 * 60_000)).toBe(true);
    const changed = await hashPassword("no longer the published one");
    await demo.db.user.updateMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, data: { passwordHash: changed } });
    forgetDemoInstanceCheck();
    expect(await isDemoInstance(demo.db)).toBe(false);
    expect(DEMO_PASSWORD).toBe("accord-demo");
  });

  it("answers from its cache without verifying again", async () => {
    forgetDemoInstanceCheck();
    const spy = vi.spyOn(demo.db.user, "findMany");
    await isDemoInstance(demo.db as Db);
    await isDemoInstance(demo.db as Db);
    await isDemoInstance(demo.db as Db);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});
