// Versions, compare with attribution, restore (live) and the hash chain, on a real server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { startFixtureServer, stopFixtureServer } from "../helpers/fixture-server";
import { eventually, openClient, startTestServer, textOf, type TestClient, type TestServer } from "../helpers/test-server";
import { listVersions } from "../../server/services/history/list-versions";
import { getVersion } from "../../server/services/history/get-version";
import { compareVersions } from "../../server/services/history/compare-versions";
import { verifyHistory } from "../../server/services/history/verify-history";
import { restoreVersion } from "../../server/services/history/restore-version";
import { saveNamedVersion } from "../../server/services/history/save-named-version";
import { textWithClients } from "../../lib/document/authorship";

let s: TestServer;
let f: Fixture;
const open: TestClient[] = [];
let chn: string;
let jpn: string;

beforeAll(async () => {
  ({ s, f, chn, jpn } = await startFixtureServer("The Parties agree to share data.", { rooms: { autoVersionIdleMs: 150, autoVersionMaxMs: 60_000, versionScanMs: 25 } }));
});
afterAll(() => stopFixtureServer(s, open));

async function client(userId: string): Promise<TestClient> {
  const c = await openClient(s, userId, f.proposalId);
  open.push(c);
  return c;
}
function para(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
}
const versions = () => s.db.version.findMany({ where: { proposalId: f.proposalId }, orderBy: { number: "asc" } });

describe("versions", () => {
  it("cuts an automatic version when a burst of editing goes quiet, naming who contributed", async () => {
    const china = await client(f.users.china);
    para(china.doc).insert(para(china.doc).length - 1, " monthly");
    await china.provider.whenSaved();
    expect(await versions()).toHaveLength(0);
    let all = await versions();
    for (let i = 0; i < 200 && all.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 25));
      all = await versions();
    }
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ number: 1, kind: "AUTO", label: null, text: "The Parties agree to share data monthly." });
    expect(JSON.parse(all[0]!.contributors)).toEqual([chn]);
  });

  it("lets the chair save a named version, and refuses a delegate", async () => {
    await expect(saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.china, proposalId: f.proposalId, label: "Mine" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const v = await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, label: "Chair's text Rev.1" });
    expect(v.number).toBe(2);
    const list = await listVersions({ db: s.db, userId: f.users.observer, proposalId: f.proposalId });
    expect(list.versions.map((x) => [x.number, x.kind, x.label])).toEqual([
      [2, "NAMED", "Chair's text Rev.1"],
      [1, "AUTO", null],
    ]);
    expect(list.versions[0]!.author).toBe("Chair");
  });

  it("compares Rev.1 with the newest version and attributes the insertion to the delegation that wrote it", async () => {
    const japan = await client(f.users.japan);
    const t = para(japan.doc);
    t.insert(t.toString().indexOf("share") , "openly ");
    await japan.provider.whenSaved();
    const latest = await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, label: "After Japan" });
    const cmp = await compareVersions({ db: s.db, userId: f.users.observer, proposalId: f.proposalId, from: 2, to: latest.number });
    expect(cmp.parts).toEqual([
      { kind: "equal", text: "The Parties agree to " },
      { kind: "insert", text: "openly ", author: jpn },
      { kind: "equal", text: "share data monthly." },
    ]);
    expect(cmp.stats).toEqual({ inserted: 1, deleted: 0 });
    const stored = await s.db.version.findFirstOrThrow({ where: { proposalId: f.proposalId, number: latest.number } });
    expect(JSON.parse(stored.contributors)).toEqual([jpn]);
  });

  it("refuses a restore by a delegate, and changes nothing", async () => {
    const before = await versions();
    await expect(restoreVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.japan, proposalId: f.proposalId, number: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await versions()).toHaveLength(before.length);
  });

  it("restores an older version live for everyone connected, adding a RESTORE version and deleting nothing", async () => {
    const watcher = await client(f.users.observer);
    const editor = await client(f.users.china);
    const before = await versions();
    const restored = await restoreVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, number: 1 });
    const v1 = (await getVersion({ db: s.db, userId: f.users.chair, proposalId: f.proposalId, number: 1 })).text;
    await eventually(() => textWithClients(watcher.doc).text === v1 && textWithClients(editor.doc).text === v1, "the restore to reach the clients");
    const after = await versions();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ number: restored.number, kind: "RESTORE", label: "Restored from version 1", text: v1 });
    // Old versions are untouched.
    expect(after.slice(0, before.length).map((v) => v.hash)).toEqual(before.map((v) => v.hash));
    // Editing goes on after a restore, and the restore itself is durable.
    para(editor.doc).insert(0, "Further, ");
    await editor.provider.whenSaved();
    await eventually(() => textOf(watcher.doc) === textOf(editor.doc), "edits after the restore to converge");
  });
});

describe("hash chain", () => {
  it("verifies intact, then finds tampering with one stored text at exactly that version", async () => {
    const all = await versions();
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(await verifyHistory({ db: s.db, userId: f.users.observer, proposalId: f.proposalId })).toEqual({ isIntact: true, checked: all.length });
    await s.db.version.update({ where: { id: all[2]!.id }, data: { text: all[2]!.text.replace("openly", "freely") } });
    expect(await verifyHistory({ db: s.db, userId: f.users.observer, proposalId: f.proposalId })).toEqual({
      isIntact: false,
      checked: 2,
      brokenAt: 3,
      reason: "hash-mismatch",
    });
    await s.db.version.update({ where: { id: all[2]!.id }, data: { text: all[2]!.text } });
  });

  it("is not readable outside the workshop", async () => {
    await expect(verifyHistory({ db: s.db, userId: f.users.outsider, proposalId: f.proposalId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listVersions({ db: s.db, userId: f.users.outsider, proposalId: f.proposalId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("continuous activity", () => {
  it("still gets automatic versions at the maximum interval while typing never pauses", async () => {
    const busy = await startTestServer({ rooms: { autoVersionIdleMs: 60_000, autoVersionMaxMs: 300, versionScanMs: 25 } });
    try {
      const g = await createFixture(busy.db, "Start.");
      const c = await openClient(busy, g.users.japan, g.proposalId);
      const t = (c.doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
      const until = Date.now() + 1000;
      while (Date.now() < until) {
        t.insert(t.length, "x");
        await new Promise((r) => setTimeout(r, 20));
      }
      await c.provider.whenSaved();
      const cut = await busy.db.version.count({ where: { proposalId: g.proposalId, kind: "AUTO" } });
      // ~1 s of typing with a 300 ms maximum: a few versions, never one per keystroke.
      expect(cut).toBeGreaterThanOrEqual(2);
      expect(cut).toBeLessThanOrEqual(5);
      c.close();
    } finally {
      await busy.close();
    }
  });
});
