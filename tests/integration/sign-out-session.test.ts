// "Sign out" ends the session on the server, not only in the browser (issue 22, item 8): the old
// cookie is refused by pages and by the socket handshake afterwards, its open sockets close at
// once, and the account's other sessions (another device) stay signed in. Driven through
// next-auth itself — its sign-out endpoint (CSRF-checked POST, as signOut() from next-auth/react
// sends it) and getServerSession, as currentUser() calls them — on a real server and SQLite.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import NextAuth, { getServerSession } from "next-auth";
import { encode, decode } from "next-auth/jwt";
import { io as connectSocket, type Socket } from "socket.io-client";
import { setDb } from "../../lib/db";
import { CLIENT_SOCKET_OPTIONS } from "../../lib/realtime/socket-options";
import { authOptions, SESSION_MAX_AGE_S } from "../../server/auth/options";
import { silentNotifier } from "../../server/services/live-notifier";
import { loadSessionAccount } from "../../server/services/people/session-account";
import { signOutSession } from "../../server/services/people/sign-out-session";
import { eventually, startTestServer, waitForConnect, type TestServer } from "../helpers/test-server";

let s: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  s = await startTestServer();
  // next-auth's events and the socket handshake use the process's database, as in server/index.ts.
  setDb(s.db);
  process.env.NEXTAUTH_SECRET = s.secret;
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await s?.close();
});

const COOKIE = "next-auth.session-token";

async function account(name: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${randomBytes(3).toString("hex")}@accord.example`;
  return (await s.db.user.create({ data: { email, name, passwordHash: "x" } })).id;
}

/** A sign-in as next-auth completes it: the jwt callback's token, encoded into the cookie. */
async function signIn(userId: string): Promise<string> {
  const user = await s.db.user.findUniqueOrThrow({ where: { id: userId } });
  const token = await authOptions.callbacks!.jwt!({ token: {}, user: { id: user.id, name: user.name, email: user.email, sessionEpoch: user.sessionEpoch }, account: null, trigger: "signIn" } as never);
  return encode({ token, secret: s.secret, maxAge: SESSION_MAX_AGE_S });
}

type FakeRes = { statusCode: number; body: unknown; headers: Map<string, unknown>; status(c: number): FakeRes; setHeader(k: string, v: unknown): FakeRes; getHeader(k: string): unknown; end(): void; json(b: unknown): void; send(b: unknown): void };
function fakeRes(): FakeRes {
  const r: FakeRes = {
    statusCode: 200,
    body: undefined,
    headers: new Map(),
    status: (c) => ((r.statusCode = c), r),
    setHeader: (k, v) => (r.headers.set(k.toLowerCase(), v), r),
    getHeader: (k) => r.headers.get(k.toLowerCase()),
    end: () => {},
    json: (b) => void (r.body = b),
    send: (b) => void (r.body = b),
  };
  return r;
}
const headersFor = (cookies: Record<string, string>) => ({
  host: "127.0.0.1:3000",
  cookie: Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join("; "),
});

/** What currentUser() (server/auth/session.ts) answers for a request carrying this cookie. */
async function currentUserWith(jwt: string) {
  const cookies = { [COOKIE]: jwt };
  const session = await getServerSession({ headers: headersFor(cookies), cookies } as never, fakeRes() as never, { ...authOptions });
  const id = session?.user?.id;
  if (!id) return null;
  return loadSessionAccount(s.db, id, session.epoch, session.sid);
}

/** The browser's "Sign out": a POST to next-auth's sign-out endpoint with its CSRF token. */
async function signOutVia(jwt: string): Promise<FakeRes> {
  const csrf = randomBytes(32).toString("hex");
  const csrfCookie = `${csrf}|${createHash("sha256").update(`${csrf}${s.secret}`).digest("hex")}`;
  const cookies = { [COOKIE]: jwt, "next-auth.csrf-token": csrfCookie };
  const res = fakeRes();
  await NextAuth(
    { method: "POST", query: { nextauth: ["signout"] }, body: { csrfToken: csrf, callbackUrl: "/", json: "true" }, cookies, headers: headersFor(cookies) } as never,
    res as never,
    { ...authOptions },
  );
  return res;
}

function openWith(jwt: string): Socket {
  const socket = connectSocket(s.url, { ...CLIENT_SOCKET_OPTIONS, reconnection: false, forceNew: true, extraHeaders: { cookie: `${COOKIE}=${jwt}` } });
  sockets.push(socket);
  return socket;
}
async function handshake(jwt: string): Promise<string> {
  const socket = openWith(jwt);
  try {
    await waitForConnect(socket);
    return "connected";
  } catch (e) {
    return (e as Error).message;
  } finally {
    socket.disconnect();
  }
}

describe("Sign out", () => {
  it("revokes this session on the server: the old cookie is signed out for pages and sockets, its open sockets close within a second, another device stays signed in", async () => {
    const userId = await account("Laptop And Phone");
    const laptop = await signIn(userId);
    const phone = await signIn(userId);
    const laptopSid = (await decode({ token: laptop, secret: s.secret }))?.sid;
    expect(laptopSid).toEqual(expect.any(String));
    expect((await decode({ token: phone, secret: s.secret }))?.sid).not.toBe(laptopSid);
    expect(await currentUserWith(laptop)).toMatchObject({ id: userId });

    const laptopTabs = [openWith(laptop), openWith(laptop)];
    const phoneTab = openWith(phone);
    await Promise.all([...laptopTabs, phoneTab].map(waitForConnect));
    let closedAt = 0;
    for (const tab of laptopTabs) tab.on("disconnect", () => (closedAt = Date.now()));

    const signedOutAt = Date.now();
    const res = await signOutVia(laptop);
    // next-auth answered as it does to signOut({ redirect: false }) and cleared the cookie.
    expect(res.body).toMatchObject({ url: expect.any(String) });
    expect(String(res.headers.get("set-cookie"))).toMatch(new RegExp(`${COOKIE}=;`));

    await eventually(() => laptopTabs.every((t) => !t.connected), "the signed-out session's sockets to close", 1000);
    expect(closedAt - signedOutAt).toBeLessThan(1000);
    // The old cookie (a copy kept anywhere) is signed out from now on.
    expect(await currentUserWith(laptop)).toBeNull();
    expect(await handshake(laptop)).toBe("UNAUTHENTICATED");
    // The other device is untouched.
    expect(phoneTab.connected).toBe(true);
    expect(await currentUserWith(phone)).toMatchObject({ id: userId });
    expect(await handshake(phone)).toBe("connected");
    expect(await s.db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionEpoch: true } })).toEqual({ sessionEpoch: 0 });
  });

  it("keeps a revocation until the token would have expired, and prunes expired ones", async () => {
    const userId = await account("Tidy");
    const stale = await s.db.revokedSession.create({ data: { sid: `stale-${randomBytes(4).toString("hex")}`, userId, expiresAt: new Date(Date.now() - 1000) } });
    const jwt = await signIn(userId);
    const token = await decode({ token: jwt, secret: s.secret });
    await signOutVia(jwt);
    const row = await s.db.revokedSession.findUniqueOrThrow({ where: { sid: token!.sid! } });
    expect(row.userId).toBe(userId);
    expect(row.expiresAt.getTime()).toBe((token!.exp as number) * 1000);
    expect(await s.db.revokedSession.findUnique({ where: { sid: stale.sid } })).toBeNull();
  });

  it("signing out twice, or with a cookie that cannot be read, does no harm", async () => {
    const userId = await account("Twice");
    const jwt = await signIn(userId);
    await signOutVia(jwt);
    await signOutVia(jwt);
    expect(await currentUserWith(jwt)).toBeNull();
    expect(await signOutSession({ db: s.db, live: silentNotifier, token: null, now: Date.now() })).toEqual({ revoked: "none" });
    const res = await signOutVia("not-a-token");
    expect(res.body).toMatchObject({ url: expect.any(String) });
  });

  it("a token from before sessions had ids can only be refused through the account's epoch: all its sessions end", async () => {
    const userId = await account("Legacy");
    const legacy = await encode({ token: { sub: userId, name: "Legacy", epoch: 0 }, secret: s.secret });
    const tab = openWith(legacy);
    await waitForConnect(tab);
    await signOutVia(legacy);
    await eventually(() => !tab.connected, "the legacy session's socket to close", 1000);
    expect(await currentUserWith(legacy)).toBeNull();
    expect(await handshake(legacy)).toBe("UNAUTHENTICATED");
    expect(await s.db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionEpoch: true } })).toEqual({ sessionEpoch: 1 });
  });
});
