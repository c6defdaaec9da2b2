// Versions stored as deltas: a history written the way versions were stored before (every row
// whole) is converted on start by the migration, and reads back identically — every version's
// text, state (byte for byte: its SHA-256 is the one in the chain), formatted content, comparisons
// with attribution, the default compare pair, verification; a restore works on the converted
// history; the server's own cuts leave the same layout. Runs on PostgreSQL too when
// ACCORD_TEST_PG_URL names a server (tests/helpers/test-db.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { applyMigrations } from "../../server/migrate";
import { stateFromPmJson } from "../../lib/document/convert";
import { sha256Hex, versionHash } from "../../lib/domain/version-chain";
import { encodeDelta } from "../../lib/domain/version-chain-delta";
import { INLINE_DELTA_INPUT_BYTES, isKeyframe, KEYFRAME_EVERY } from "../../lib/domain/version-chain-storage";
import { packState } from "../../server/document-store/version-state";
import { cutVersion, freezeText } from "../../server/services/history/cut-version";
import { getVersion } from "../../server/services/history/get-version";
import { compareVersions } from "../../server/services/history/compare-versions";
import { findDefaultComparePair } from "../../server/services/history/default-compare-pair";
import { verifyHistory } from "../../server/services/history/verify-history";
import { restoreVersion } from "../../server/services/history/restore-version";
import { readVersionContent } from "../../server/services/history/version-store";
import { storeHistoryAsDeltas, VERSION_DELTAS_MIGRATION } from "../../server/services/history/migrate-version-deltas";
import { closeDiffPool } from "../../server/compute/diff-pool";
import { closeDeltaPool } from "../../server/compute/delta-pool";
import type { Db } from "../../lib/db";
import { inProcessRoom } from "../helpers/in-process-room";

const VERSIONS = 2 * KEYFRAME_EVERY + 6;
const WORDS = "the parties agree to strengthen regional cooperation on public health supply chains and small enterprise finance".split(" ");

let t: TestDb;
let workshopId: string;
let chair: string;
let chn: string;
let jpn: string;
/** Written as the code before deltas stored versions (every row whole), then migrated. */
let migrated: string;
/** Cut by today's cutVersion. */
let cut: string;
const live = new Y.Doc();

function draft(): object {
  const clause = (i: number) => Array.from({ length: 60 }, (_, j) => WORDS[(i * 5 + j) % WORDS.length]).join(" ") + ".";
  return { type: "doc", content: Array.from({ length: 20 }, (_, i) => ({ type: "paragraph", content: [{ type: "text", text: clause(i) }] })) };
}

/** What cutVersion stored before versions could be deltas: every field whole, same hash. */
async function cutAsBefore(db: Db, proposalId: string, number: number, contributors: string[], prevHash: string | null): Promise<string> {
  const { state, text } = freezeText(live);
  const fields = { proposalId, number, kind: "AUTO" as const, label: null, text, contributors, authorId: null, createdAt: new Date(Date.UTC(2026, 10, 1, 9, 0, number)), stateSha256: sha256Hex(state), prevHash };
  const hash = versionHash(fields);
  await db.version.create({ data: { ...fields, contributors: JSON.stringify(contributors), openAmendments: "[]", state: packState(state), hash } });
  return hash;
}

beforeAll(async () => {
  t = await createTestDb();
  const w = await t.db.workshop.create({ data: { title: "Deltas" } });
  workshopId = w.id;
  chn = (await t.db.delegation.create({ data: { workshopId, name: "China", code: "CHN", colour: "#c2410c" } })).id;
  jpn = (await t.db.delegation.create({ data: { workshopId, name: "Japan", code: "JPN", colour: "#be185d" } })).id;
  chair = (await t.db.user.create({ data: { email: `chair-${workshopId}@accord.example`, name: "Chair", passwordHash: "x" } })).id;
  await t.db.member.create({ data: { workshopId, userId: chair, role: "MODERATOR" } });
  migrated = (await t.db.proposal.create({ data: { workshopId, title: "Migrated", position: 0 } })).id;
  cut = (await t.db.proposal.create({ data: { workshopId, title: "Cut", position: 1 } })).id;

  // Two delegations' editors, each a Yjs client of its own, on one shared text.
  Y.applyUpdate(live, stateFromPmJson(draft() as never));
  const china = new Y.Doc();
  const japan = new Y.Doc();
  for (const d of [china, japan]) Y.applyUpdate(d, Y.encodeStateAsUpdate(live));
  for (const proposalId of [migrated, cut]) {
    for (const [doc, delegationId] of [[china, chn], [japan, jpn]] as const) {
      await t.db.documentClient.create({ data: { proposalId, clientId: BigInt(doc.clientID), userId: chair, delegationId } });
    }
  }
  let prevHash: string | null = null;
  for (let n = 1; n <= VERSIONS; n++) {
    const [editor, delegationId] = n % 3 === 0 ? [japan, jpn] : [china, chn];
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(live, Y.encodeStateVector(editor)));
    const para = (editor.getXmlFragment("default").get(n % 20) as Y.XmlElement).get(0) as Y.XmlText;
    if (n % 4 === 0) para.delete((n * 11) % (para.length - 8), 5);
    else para.insert((n * 7) % para.length, `amended ${n} `);
    Y.applyUpdate(live, Y.encodeStateAsUpdate(editor, Y.encodeStateVector(live)));
    prevHash = await cutAsBefore(t.db, migrated, n, [delegationId], prevHash);
    await cutVersion(t.db, { proposalId: cut, workshopId, frozen: freezeText(live), kind: "AUTO", label: null, authorId: null, editors: new Set(), now: new Date() });
  }
}, 120_000);

afterAll(async () => {
  await closeDiffPool();
  await closeDeltaPool();
  await t.cleanup();
});

/** As a server starts: migrations first, with no connection of this process open (as in server/index.ts). */
async function restart(): Promise<void> {
  await t.db.$disconnect();
  await applyMigrations(t.url);
  await t.db.$connect();
}

const ctx = () => ({ db: t.db, userId: chair, proposalId: migrated });
const stored = (proposalId: string) =>
  t.db.version.findMany({ where: { proposalId }, orderBy: { number: "asc" }, select: { number: true, text: true, stateSha256: true, textDelta: true, stateDelta: true } });
const wholeNumbers = async (proposalId: string) => (await stored(proposalId)).filter((r) => r.textDelta === null).map((r) => r.number);

/** Everything a reader gets from the history. */
async function readings() {
  const versions = [];
  for (let n = 1; n <= VERSIONS; n++) {
    const v = await getVersion({ ...ctx(), number: n });
    const content = await readVersionContent(t.db, migrated, n);
    versions.push({ ...v, stateSha256: sha256Hex(content!.state) });
  }
  const compares = [];
  for (const [from, to] of [[1, VERSIONS], [VERSIONS - 1, VERSIONS], [KEYFRAME_EVERY - 3, KEYFRAME_EVERY + 4], [10, 11], [40, 2]]) {
    compares.push(await compareVersions({ ...ctx(), from: from!, to: to! }));
  }
  return { versions, compares, pair: await findDefaultComparePair(ctx()), verify: await verifyHistory(ctx()) };
}

describe("a history written before deltas", () => {
  let before: Awaited<ReturnType<typeof readings>>;

  it("is converted on start, and reads back exactly as before", async () => {
    expect(await wholeNumbers(migrated)).toHaveLength(VERSIONS);
    before = await readings();
    expect(before.verify).toEqual({ isIntact: true, checked: VERSIONS });
    // The stored states are the ones the chain's state hashes are over.
    const rows = await stored(migrated);
    expect(before.versions.map((v) => v.stateSha256)).toEqual(rows.map((r) => r.stateSha256));

    // A database made by the code before: the conversion has not run there.
    await t.db.dataMigration.delete({ where: { name: VERSION_DELTAS_MIGRATION } });
    await restart();
    expect(await t.db.dataMigration.findUnique({ where: { name: VERSION_DELTAS_MIGRATION } })).not.toBeNull();

    const expectedWhole = Array.from({ length: VERSIONS }, (_, i) => i + 1).filter((n) => isKeyframe(n) || n === VERSIONS);
    expect(await wholeNumbers(migrated)).toEqual(expectedWhole);
    for (const r of await stored(migrated)) {
      if (r.textDelta === null) continue;
      expect(r.text).toBe("");
      expect(r.stateDelta!.length + r.textDelta.length).toBeLessThan(1000);
    }
    expect(await readings()).toEqual(before);
  }, 120_000);

  it("is converted once: starting again changes nothing", async () => {
    const rows = await stored(migrated);
    await restart();
    expect(await stored(migrated)).toEqual(rows);
    expect((await storeHistoryAsDeltas(t.db, migrated)).rewritten).toBe(0);
  });

  it("is laid out as today's cuts lay out a history, with the same texts and states", async () => {
    expect(await wholeNumbers(cut)).toEqual(await wholeNumbers(migrated));
    const a = await stored(migrated);
    const b = await stored(cut);
    expect(b.map((r) => r.stateSha256)).toEqual(a.map((r) => r.stateSha256));
    for (const n of [2, KEYFRAME_EVERY, VERSIONS - 1]) {
      expect((await readVersionContent(t.db, cut, n))!.text).toBe((await readVersionContent(t.db, migrated, n))!.text);
    }
    expect(await verifyHistory({ db: t.db, userId: chair, proposalId: cut })).toEqual({ isIntact: true, checked: VERSIONS });
  });

  it("finds tampering with a version stored as a delta at exactly that version", async () => {
    const number = KEYFRAME_EVERY + 10;
    const row = await t.db.version.findUniqueOrThrow({ where: { proposalId_number: { proposalId: migrated, number } } });
    const above = (await readVersionContent(t.db, migrated, number + 1))!.text;
    const mine = (await readVersionContent(t.db, migrated, number))!.text;
    const utf8 = (s: string) => new TextEncoder().encode(s);
    const forged = encodeDelta(utf8(above), utf8(mine.replace("regional", "global")));
    const damaged = row.textDelta!.subarray(0, row.textDelta!.length - 2);
    try {
      for (const textDelta of [forged, damaged]) {
        await t.db.version.update({ where: { id: row.id }, data: { textDelta: new Uint8Array(textDelta) } });
        expect(await verifyHistory(ctx())).toEqual({ isIntact: false, checked: number - 1, brokenAt: number, reason: "hash-mismatch" });
      }
    } finally {
      await t.db.version.update({ where: { id: row.id }, data: { textDelta: row.textDelta } });
    }
    expect(await verifyHistory(ctx())).toEqual({ isIntact: true, checked: VERSIONS });
  });

  it("restores a version stored as deltas: the live text becomes it, and the new version is whole", async () => {
    const source = KEYFRAME_EVERY + 7;
    const { text } = await getVersion({ ...ctx(), number: source });
    const restored = await restoreVersion({ ...ctx(), rooms: inProcessRoom(t.db, live, { workshopId }), number: source });
    expect(restored.number).toBe(VERSIONS + 1);
    expect(freezeText(live).text).toBe(text);
    expect((await getVersion({ ...ctx(), number: restored.number })).text).toBe(text);
    // The version that was newest is now a delta; the restored one is whole.
    const whole = await wholeNumbers(migrated);
    expect(whole).not.toContain(VERSIONS);
    expect(whole).toContain(VERSIONS + 1);
    expect(await verifyHistory(ctx())).toEqual({ isIntact: true, checked: VERSIONS + 1 });
    // The proposal's chain continues from the migrated rows.
    const rows = await t.db.version.findMany({ where: { proposalId: migrated, number: { gte: VERSIONS } }, orderBy: { number: "asc" }, select: { hash: true, prevHash: true } });
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
  });
});

describe("a long text", () => {
  it("has its deltas worked out in the worker thread, and reads back exactly", async () => {
    const p = (await t.db.proposal.create({ data: { workshopId, title: "Long", position: 2 } })).id;
    const doc = new Y.Doc();
    const long = { type: "doc", content: Array.from({ length: 400 }, (_, i) => ({ type: "paragraph", content: [{ type: "text", text: `Clause ${i}. ${WORDS.join(" ").repeat(8)}` }] })) };
    Y.applyUpdate(doc, stateFromPmJson(long as never));
    const texts: string[] = [];
    for (let n = 1; n <= 3; n++) {
      ((doc.getXmlFragment("default").get(n * 50) as Y.XmlElement).get(0) as Y.XmlText).insert(3, `edit ${n} `);
      const frozen = freezeText(doc);
      // Over the inline budget: the worker's.
      expect(2 * (frozen.state.length + frozen.text.length)).toBeGreaterThan(INLINE_DELTA_INPUT_BYTES);
      texts.push(frozen.text);
      await cutVersion(t.db, { proposalId: p, workshopId, frozen, kind: "AUTO", label: null, authorId: null, editors: new Set(), now: new Date() });
    }
    expect(await wholeNumbers(p)).toEqual([1, 3]);
    expect((await readVersionContent(t.db, p, 2))!.text).toBe(texts[1]);
    expect(await verifyHistory({ db: t.db, userId: chair, proposalId: p })).toEqual({ isIntact: true, checked: 3 });
  }, 60_000);
});
