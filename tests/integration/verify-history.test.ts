// Verify on long histories of long texts: it reads texts in pages bounded by rows and bytes,
// lets the event loop run between pages, still finds a broken link at the right version, and
// runs only a few at once per process (the rest wait their turn, or are told "busy").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import { sha256Hex, versionHash, type ChainedVersion } from "../../lib/domain/version-chain";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { observeQueries, rowsOf, type QueryCall } from "../helpers/observe-queries";
import { eventually } from "../helpers/test-server";
import {
  MAX_CONCURRENT_VERIFIES,
  MAX_WAITING_VERIFIES,
  VERIFY_PAGE_BYTES,
  VERIFY_PAGE_ROWS,
  verifyHistory,
} from "../../server/services/history/verify-history";

let t: TestDb;
let f: Fixture;

beforeAll(async () => {
  t = await createTestDb();
  f = await createFixture(t.db, "Base.");
});
afterAll(async () => {
  await t.cleanup();
});

/** A new proposal in the fixture's workshop whose history is a valid chain over `texts`. */
async function proposalWithChain(texts: readonly string[]): Promise<string> {
  const p = await t.db.proposal.create({ data: { workshopId: f.workshopId, title: `History of ${texts.length}`, position: 100 } });
  let prevHash: string | null = null;
  for (const [i, text] of texts.entries()) {
    const v: ChainedVersion = {
      proposalId: p.id,
      number: i + 1,
      kind: "AUTO",
      label: null,
      text,
      contributors: [],
      authorId: null,
      createdAt: new Date(Date.UTC(2026, 0, 1, 9, 0, i)),
      stateSha256: sha256Hex(`state ${i}`),
      prevHash,
    };
    const hash = versionHash(v);
    await t.db.version.create({ data: { ...v, contributors: "[]", state: new Uint8Array([i % 256]), hash } });
    prevHash = hash;
  }
  return p.id;
}

type TextRead = { rows: number; bytes: number; ticks: number };

/** A client that records every query returning version texts: how many, how many bytes, when. */
function recording(db: Db, ticker: { ticks: number } = { ticks: 0 }): { db: Db; reads: TextRead[] } {
  const reads: TextRead[] = [];
  const observed = observeQueries(db, {
    after({ result }) {
      const texts = rowsOf(result)
        .map((r) => r.text)
        .filter((x): x is string => typeof x === "string");
      if (texts.length > 0) reads.push({ rows: texts.length, bytes: texts.reduce((n, x) => n + Buffer.byteLength(x, "utf8"), 0), ticks: ticker.ticks });
    },
  });
  return { db: observed, reads };
}

function expectWithinPageBounds(reads: TextRead[]): void {
  expect(reads.length).toBeGreaterThan(0);
  for (const r of reads) {
    expect(r.rows).toBeLessThanOrEqual(VERIFY_PAGE_ROWS);
    // A single text longer than the budget is read alone; more than one must fit in it.
    if (r.rows > 1) expect(r.bytes).toBeLessThanOrEqual(VERIFY_PAGE_BYTES);
  }
}

const shortTexts = (n: number) => Array.from({ length: n }, (_, i) => `Article 1. The Parties agree (revision ${i + 1}).`);

describe("verify reads a long history page by page", () => {
  it("checks an intact chain of 120 versions without any query returning more than a page of texts", async () => {
    const proposalId = await proposalWithChain(shortTexts(120));
    const { db, reads } = recording(t.db);
    expect(await verifyHistory({ db, userId: f.users.observer, proposalId })).toEqual({ isIntact: true, checked: 120 });
    expectWithinPageBounds(reads);
    expect(reads.reduce((n, r) => n + r.rows, 0)).toBe(120);
  });

  it("keeps long texts within the byte budget per query, counting UTF-8 bytes (CJK text is 3 bytes a character)", async () => {
    // Each text a bit over a quarter of the budget: no more than three fit in one page.
    const chars = Math.ceil(VERIFY_PAGE_BYTES / 4 / 3) + 1;
    const texts = Array.from({ length: 8 }, (_, i) => `${"合作".repeat(Math.ceil(chars / 2)).slice(0, chars)}${i}`);
    const proposalId = await proposalWithChain(texts);
    const { db, reads } = recording(t.db);
    expect(await verifyHistory({ db, userId: f.users.observer, proposalId })).toEqual({ isIntact: true, checked: 8 });
    expectWithinPageBounds(reads);
    expect(Math.max(...reads.map((r) => r.rows))).toBeLessThanOrEqual(3);
  });

  it("gives the event loop a turn between pages", async () => {
    const proposalId = await proposalWithChain(shortTexts(5 * VERIFY_PAGE_ROWS));
    const ticker = { ticks: 0, isRunning: true };
    const tick = () => {
      ticker.ticks++;
      if (ticker.isRunning) setImmediate(tick);
    };
    setImmediate(tick);
    const { db, reads } = recording(t.db, ticker);
    try {
      await verifyHistory({ db, userId: f.users.observer, proposalId });
    } finally {
      ticker.isRunning = false;
    }
    expect(reads.length).toBeGreaterThan(1);
    for (let i = 1; i < reads.length; i++) expect(reads[i]!.ticks, `a turn of the event loop before page ${i + 1}`).toBeGreaterThan(reads[i - 1]!.ticks);
  });
});

describe("verify still finds the first broken link across pages", () => {
  let proposalId: string;
  const rowOf = (number: number) => t.db.version.findUniqueOrThrow({ where: { proposalId_number: { proposalId, number } } });

  beforeAll(async () => {
    proposalId = await proposalWithChain(shortTexts(150));
  });

  it("a re-linked version in the middle: broken link at exactly that number", async () => {
    const v = await rowOf(77);
    await t.db.version.update({ where: { id: v.id }, data: { prevHash: sha256Hex("forged") } });
    try {
      const { db, reads } = recording(t.db);
      expect(await verifyHistory({ db, userId: f.users.observer, proposalId })).toEqual({ isIntact: false, checked: 76, brokenAt: 77, reason: "broken-link" });
      expectWithinPageBounds(reads);
    } finally {
      await t.db.version.update({ where: { id: v.id }, data: { prevHash: v.prevHash } });
    }
  });

  it("an edited text on a page boundary: hash mismatch at exactly that number", async () => {
    const number = 3 * VERIFY_PAGE_ROWS + 1;
    const v = await rowOf(number);
    await t.db.version.update({ where: { id: v.id }, data: { text: v.text.replace("agree", "decline") } });
    try {
      const { db, reads } = recording(t.db);
      expect(await verifyHistory({ db, userId: f.users.observer, proposalId })).toEqual({ isIntact: false, checked: number - 1, brokenAt: number, reason: "hash-mismatch" });
      expectWithinPageBounds(reads);
    } finally {
      await t.db.version.update({ where: { id: v.id }, data: { text: v.text } });
    }
  });

  it("a removed version: missing at the number after it", async () => {
    const v = await rowOf(120);
    await t.db.version.delete({ where: { id: v.id } });
    expect(await verifyHistory({ db: t.db, userId: f.users.observer, proposalId })).toEqual({ isIntact: false, checked: 119, brokenAt: 121, reason: "missing-version" });
  });

  it("is not readable outside the workshop", async () => {
    await expect(verifyHistory({ db: t.db, userId: f.users.outsider, proposalId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("verify runs only a few at once", () => {
  /** Resolves once every settled promise's callbacks (and the next timers' turn) have run. */
  const turns = async (n: number) => {
    for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
  };

  it(`runs at most ${MAX_CONCURRENT_VERIFIES} at once; the rest wait their turn, and beyond the queue are told "busy"`, async () => {
    const proposalId = await proposalWithChain(shortTexts(3 * VERIFY_PAGE_ROWS));
    let open!: () => void;
    const latch = new Promise<void>((resolve) => (open = resolve));
    let running = 0;
    let maxRunning = 0;
    let authorized = 0;
    const isVersionQuery = (c: QueryCall) => c.model === "Version" || c.operation.startsWith("$queryRaw");

    /** One verify on its own view of the client: counted from its first version read to its end. */
    function start(): Promise<unknown> {
      let hasStarted = false;
      const db = observeQueries(t.db, {
        async before(call) {
          if (!isVersionQuery(call)) return;
          if (!hasStarted) {
            hasStarted = true;
            running++;
            maxRunning = Math.max(maxRunning, running);
          }
          await latch; // held until the test has seen who got in
        },
        after(call) {
          if (call.model === "Member") authorized++;
        },
      });
      return verifyHistory({ db, userId: f.users.observer, proposalId }).finally(() => {
        if (hasStarted) running--;
      });
    }

    const first = Array.from({ length: 5 }, start);
    await eventually(() => authorized === 5, "all five verifies to be authorized");
    await turns(20);
    expect(running).toBe(MAX_CONCURRENT_VERIFIES);

    // Fill the queue exactly; one more is refused at once, with the "busy" code.
    const queued = Array.from({ length: MAX_CONCURRENT_VERIFIES + MAX_WAITING_VERIFIES - 5 }, start);
    await eventually(() => authorized === MAX_CONCURRENT_VERIFIES + MAX_WAITING_VERIFIES, "the queue to fill");
    await turns(20);
    await expect(start()).rejects.toMatchObject({ code: "BUSY" });
    expect(running).toBe(MAX_CONCURRENT_VERIFIES);

    open();
    const reports = await Promise.all([...first, ...queued]);
    for (const r of reports) expect(r).toEqual({ isIntact: true, checked: 3 * VERIFY_PAGE_ROWS });
    expect(maxRunning).toBe(MAX_CONCURRENT_VERIFIES);
    // Every slot was given back.
    expect(await verifyHistory({ db: t.db, userId: f.users.observer, proposalId })).toEqual({ isIntact: true, checked: 3 * VERIFY_PAGE_ROWS });
  });
});
