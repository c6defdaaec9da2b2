// Failed sign-ins slow the next attempt, and cannot be turned against users (issue 22, item 6):
// the client's address is the socket's peer (X-Forwarded-For only from a trusted proxy),
// addresses never share a bucket, an account's delays stay short and bounded, and every node
// counts in the same database table. Real SQLite (PostgreSQL with ACCORD_TEST_PG_URL); sign-in through next-auth's authorize().
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../lib/auth/password";
import { createDb, setDb, tuneSqlite, type Db } from "../../lib/db";
import { providerOf } from "../../lib/db-url";
import { ACCOUNT_RULE, FORGET_AFTER_MS, throttleKeys } from "../../lib/domain/login-delay";
import { loadEnv } from "../../lib/env";
import { LoginLimiter } from "../../server/auth/login-limiter";
import { authOptions, authorizeSignIn } from "../../server/auth/options";
import { PEER_ADDRESS_HEADER, stampPeerAddress } from "../../server/auth/peer-address";
import { signInWithPassword } from "../../server/services/people/sign-in-with-password";
import { createTestDb, type TestDb } from "../helpers/test-db";

const PASSWORD = "the right password";
let t: TestDb;
let email: string;

async function makeAccount(name: string): Promise<string> {
  const address = `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@accord.example`;
  await t.db.user.create({ data: { email: address, name, passwordHash: await hashPassword(PASSWORD) } });
  return address;
}

/** next-auth's authorize() as the app runs it (the provider's own function, Date.now()). */
async function authorize(credentials: { email: string; password: string }, headers: Record<string, string>): Promise<string> {
  const provider = authOptions.providers[0] as unknown as { options: { authorize(c: unknown, req: unknown): Promise<{ email: string } | null> } };
  try {
    const user = await provider.options.authorize(credentials, { headers, method: "POST", body: credentials, query: {} });
    return user ? `signed in ${user.email}` : "wrong";
  } catch (e) {
    return (e as Error).message;
  }
}

beforeAll(async () => {
  t = await createTestDb();
  // authorize() counts in the process's database, as in server/index.ts.
  setDb(t.db);
  email = await makeAccount("Delegate");
});

afterAll(async () => {
  await t?.cleanup();
});

describe("the client's address", () => {
  it("(a) 21 failed sign-ins from one address on made-up emails do not stop a correct sign-in from another", async () => {
    for (let i = 0; i < 21; i++) {
      expect(await authorize({ email: `made-up-${i}@nowhere.example`, password: "guess" }, { [PEER_ADDRESS_HEADER]: "198.51.100.66" })).toBe("wrong");
    }
    expect(await authorize({ email: "made-up-x@nowhere.example", password: "guess" }, { [PEER_ADDRESS_HEADER]: "198.51.100.66" })).toBe("RATE_LIMITED");
    // Another address (no proxy headers at all, as without a proxy) is unaffected.
    expect(await authorize({ email, password: PASSWORD }, { [PEER_ADDRESS_HEADER]: "203.0.113.10" })).toBe(`signed in ${email}`);
    // Nothing was counted under a shared "unknown" key.
    expect(await t.db.loginThrottle.count({ where: { key: { contains: "unknown" } } })).toBe(0);
  });

  it("(b) with no trusted proxies, a spoofed X-Forwarded-For does not escape the address limit", async () => {
    const peer = "198.51.100.77";
    for (let i = 0; i < 21; i++) {
      expect(await authorize({ email: `spoof-${i}@nowhere.example`, password: "guess" }, { [PEER_ADDRESS_HEADER]: peer, "x-forwarded-for": `192.0.2.${i}` })).toBe("wrong");
    }
    expect(await authorize({ email: "spoof-x@nowhere.example", password: "guess" }, { [PEER_ADDRESS_HEADER]: peer, "x-forwarded-for": "192.0.2.200", "x-real-ip": "192.0.2.201" })).toBe("RATE_LIMITED");
    expect(await t.db.loginThrottle.count({ where: { key: { startsWith: "address:192.0.2." } } })).toBe(0);
  });

  it("(c) with the proxy trusted, the forwarded client address is used (the right-most hop the proxy wrote)", async () => {
    const limiter = new LoginLimiter(t.db);
    const proxy = "10.20.30.40";
    const deps = { db: t.db, limiter, trustedProxies: [proxy], now: 1_000_000 };
    const attempt = (client: string, password: string, spoof = "192.0.2.99", as = email) =>
      authorizeSignIn({ email: as, password }, { [PEER_ADDRESS_HEADER]: `::ffff:${proxy}`, "x-forwarded-for": `${spoof}, ${client}` }, deps).then(
        (u) => (u ? "ok" : "wrong"),
        (e: Error) => e.message,
      );
    // Made-up emails, each from a different address the client claims on the left.
    for (let i = 0; i < 21; i++) expect(await attempt("198.51.100.21", "guess", `192.0.2.${i}`, `proxied-${i}@nowhere.example`)).toBe("wrong");
    const keys = (await t.db.loginThrottle.findMany({ where: { key: { startsWith: "address:" } } })).map((r) => r.key);
    expect(keys).toContain("address:198.51.100.21");
    expect(keys).not.toContain(`address:${proxy}`);
    expect(keys.filter((k) => k.startsWith("address:192.0.2."))).toEqual([]);
    // That client is slowed, whatever it writes on the left; another client behind the proxy is not.
    expect(await attempt("198.51.100.21", PASSWORD, "192.0.2.250")).toBe("RATE_LIMITED");
    expect(await attempt("198.51.100.22", PASSWORD)).toBe("ok");
    // The socket peer itself (no header) is the proxy, and it is not slowed by its clients either.
    expect(await authorizeSignIn({ email, password: PASSWORD }, { [PEER_ADDRESS_HEADER]: proxy }, deps)).toMatchObject({ email });
  });

  it("is the socket's peer, stamped by the server over any copy the client sent", async () => {
    const server: Server = createServer((req, res) => {
      stampPeerAddress(req);
      const raw = req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i]!.toLowerCase() === PEER_ADDRESS_HEADER);
      res.end(JSON.stringify({ header: req.headers[PEER_ADDRESS_HEADER], rawCopies: raw.length }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const req = request({ port: (server.address() as AddressInfo).port, host: "127.0.0.1", headers: { "X-Accord-Peer-Address": "203.0.113.250" } }, (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve(text));
        });
        req.on("error", reject);
        req.end();
      });
      expect(JSON.parse(body)).toEqual({ header: "127.0.0.1", rawCopies: 1 });
    } finally {
      server.close();
    }
  });

  it("a request without the stamped peer is refused, not counted under a shared key", async () => {
    const before = await t.db.loginThrottle.count();
    expect(await authorize({ email, password: "guess" }, { "x-forwarded-for": "192.0.2.1" })).toBe("UNAVAILABLE");
    expect(await t.db.loginThrottle.count()).toBe(before);
  });

  it("ACCORD_TRUSTED_PROXIES is a comma-separated list of IP addresses", () => {
    const only = (vars: Record<string, string>) => ({ ...vars }) as NodeJS.ProcessEnv;
    expect(loadEnv(only({})).ACCORD_TRUSTED_PROXIES).toEqual([]);
    expect(loadEnv(only({ ACCORD_TRUSTED_PROXIES: "" })).ACCORD_TRUSTED_PROXIES).toEqual([]);
    expect(loadEnv(only({ ACCORD_TRUSTED_PROXIES: "10.0.0.2, ::1" })).ACCORD_TRUSTED_PROXIES).toEqual(["10.0.0.2", "::1"]);
    expect(() => loadEnv(only({ ACCORD_TRUSTED_PROXIES: "10.0.0.2, proxy.local" }))).toThrow(/ACCORD_TRUSTED_PROXIES: must be IP addresses/);
  });
});

describe("an account's delay", () => {
  it("(d) after five wrong passwords the right one works again after at most the delay, and the delay is bounded", async () => {
    const account = await makeAccount("Guessed");
    const limiter = new LoginLimiter(t.db);
    const attempt = (password: string, now: number, address = "198.51.100.5") =>
      signInWithPassword({ db: t.db, limiter, email: account, password, address, now }).then(
        (u) => (u ? "ok" : "wrong"),
        (e: { code?: string }) => e.code ?? String(e),
      );
    const t0 = 10_000_000;
    for (let i = 0; i < 4; i++) expect(await attempt(`guess ${i}`, t0)).toBe("wrong"); // three free, the fourth sets 2 s
    expect(await attempt(`guess 4`, t0 + 1999)).toBe("RATE_LIMITED");
    expect(await attempt(`guess 4`, t0 + 2000)).toBe("wrong"); // the fifth sets 4 s
    // The right password is refused while the delay lasts, and works once it is over.
    expect(await attempt(PASSWORD, t0 + 2000 + 3999)).toBe("RATE_LIMITED");
    expect(await attempt(PASSWORD, t0 + 2000 + 4000)).toBe("ok");
    // …which cleared the account's count: mistakes are free again.
    expect(await attempt("typo", t0 + 7000)).toBe("wrong");
    expect(await attempt(PASSWORD, t0 + 7000)).toBe("ok");

    // An attacker on another address guessing the moment each delay ends, for hours: no delay is
    // longer than the cap, and the real user (on their own address) is never kept out.
    let now = t0 + 100_000;
    for (let i = 0; i < 60; i++) {
      const answer = await attempt(`attack ${i}`, now, "203.0.113.66");
      expect(answer).toBe("wrong");
      const keys = throttleKeys(account, "203.0.113.66");
      const wait = await limiter.wait([keys.account, keys.address], now);
      expect(wait).toBeLessThanOrEqual(ACCOUNT_RULE.capMs);
      if (i % 10 === 0) expect(await attempt(PASSWORD, now + 1, "198.51.100.5")).toBe("ok");
      now += wait;
    }
    expect(await attempt(PASSWORD, now - 1, "203.0.113.66")).toBe("RATE_LIMITED");
    expect(await attempt(PASSWORD, now, "203.0.113.66")).toBe("ok"); // at most the cap after the last guess
  });

  it("prunes rows idle a day", async () => {
    const limiter = new LoginLimiter(t.db);
    const now = 50_000_000_000;
    await t.db.loginThrottle.create({ data: { key: "address:192.0.2.123", failures: 30, nextAllowedAt: new Date(now - FORGET_AFTER_MS + 60_000), updatedAt: new Date(now - FORGET_AFTER_MS) } });
    await t.db.loginThrottle.create({ data: { key: "address:192.0.2.124", failures: 30, nextAllowedAt: new Date(now + 60_000), updatedAt: new Date(now - 1000) } });
    await limiter.failed([throttleKeys("x@y", "192.0.2.125").address], now);
    const keys = (await t.db.loginThrottle.findMany({ where: { key: { startsWith: "address:192.0.2.12" } } })).map((r) => r.key).sort();
    expect(keys).toEqual(["address:192.0.2.124", "address:192.0.2.125"]);
  });
});

describe("several nodes", () => {
  let second: Db;
  beforeAll(async () => {
    // Another process's client on the same database file.
    second = createDb(t.url);
    if (providerOf(t.url) === "sqlite") await tuneSqlite(second);
  });
  afterAll(async () => {
    await second?.$disconnect();
  });

  it("(e) two limiters on one database share the counts, and failures counted at once are all kept", async () => {
    const account = await makeAccount("Shared");
    const nodeA = new LoginLimiter(t.db);
    const nodeB = new LoginLimiter(second);
    const via = (limiter: LoginLimiter, password: string, now: number) =>
      signInWithPassword({ db: t.db, limiter, email: account, password, address: "198.51.100.9", now }).then(
        (u) => (u ? "ok" : "wrong"),
        (e: { code?: string }) => e.code ?? String(e),
      );
    const t0 = 20_000_000;
    expect(await via(nodeA, "one", t0)).toBe("wrong");
    expect(await via(nodeB, "two", t0)).toBe("wrong");
    expect(await via(nodeA, "three", t0)).toBe("wrong");
    expect(await via(nodeB, "four", t0)).toBe("wrong"); // the fourth failure, wherever counted, sets 2 s
    expect(await via(nodeA, PASSWORD, t0 + 1000)).toBe("RATE_LIMITED");
    expect(await via(nodeB, PASSWORD, t0 + 1000)).toBe("RATE_LIMITED");
    expect(await via(nodeB, PASSWORD, t0 + 2000)).toBe("ok");
    // A success on one node clears the count for both.
    expect(await nodeA.wait([throttleKeys(account, "198.51.100.9").account], t0 + 2000)).toBe(0);

    // Twenty failures counted at the same moment through both nodes: none is lost.
    const key = { key: "address:198.51.100.250", rule: ACCOUNT_RULE };
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? nodeA : nodeB).failed([key], t0)));
    expect(await t.db.loginThrottle.findUniqueOrThrow({ where: { key: key.key } })).toMatchObject({ failures: 20 });
  });
});
