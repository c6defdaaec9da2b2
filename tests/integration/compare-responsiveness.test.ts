// Compare on a real server: a 10,000-word paragraph rewritten from scratch (the comparison that
// once froze the whole process for 164 s) must leave the server's event loop free, and still
// answer with both texts intact and the rewrite attributed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { openClient, startTestServer, type TestClient, type TestServer } from "../helpers/test-server";
import { compareVersions } from "../../server/services/history/compare-versions";
import { saveNamedVersion } from "../../server/services/history/save-named-version";
import { closeDiffPool } from "../../server/compute/diff-pool";

const TICK_MS = 10;
/** A tick this much later than due means the event loop was blocked (sockets, /api/health too). */
const LATE_MS = 500;

/** `n` words by a fixed rule: the same paragraph on every run. */
function paragraph(n: number, seed: number): string {
  const vocabulary = ["regional", "public", "health", "exchange", "mechanism", "finance", "capital", "chain", "city", "diplomacy", "warning", "assessment", "security", "SME", "employment"];
  const out: string[] = [];
  for (let i = 0, x = seed; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(vocabulary[x % vocabulary.length]!);
  }
  return out.join(" ");
}

const ORIGINAL = paragraph(10_000, 1);
const REWRITE = paragraph(10_000, 2);

let s: TestServer;
let f: Fixture;
let japan: TestClient;

beforeAll(async () => {
  s = await startTestServer();
  f = await createFixture(s.db, ORIGINAL);
  japan = await openClient(s, f.users.japan, f.proposalId);
});
afterAll(async () => {
  japan?.close();
  await s?.close();
  await closeDiffPool();
});

describe("compare of a 10,000-word paragraph rewrite", () => {
  it("keeps the event loop ticking while it runs, and answers with both texts intact", async () => {
    const original = await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, label: "Original" });
    const text = (japan.doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    japan.doc.transact(() => {
      text.delete(0, text.length);
      text.insert(0, REWRITE);
    });
    await japan.provider.whenSaved();
    const rewritten = await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, label: "Rewritten" });

    let ticks = 0;
    let lateTicks = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      if (now - last - TICK_MS > LATE_MS) lateTicks++;
      last = now;
      ticks++;
    }, TICK_MS);
    const cmp = await compareVersions({ db: s.db, userId: f.users.observer, proposalId: f.proposalId, from: original.number, to: rewritten.number }).finally(() => clearInterval(timer));

    expect(ticks).toBeGreaterThan(0);
    expect(lateTicks).toBe(0);
    expect(["word", "paragraph", "whole"]).toContain(cmp.level);
    const before = cmp.parts.filter((p) => p.kind !== "insert").map((p) => p.text).join("");
    const after = cmp.parts.filter((p) => p.kind !== "delete").map((p) => p.text).join("");
    expect(before).toBe(ORIGINAL);
    expect(after).toBe(REWRITE);
    const jpn = (await s.db.delegation.findFirstOrThrow({ where: { workshopId: f.workshopId, code: "JPN" } })).id;
    expect(cmp.parts.filter((p) => p.kind === "insert").every((p) => p.author === jpn)).toBe(true);
  });
});
