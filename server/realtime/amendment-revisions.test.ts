import { describe, expect, it } from "vitest";
import type { AmendmentView } from "../../lib/protocol";
import type { Revision, RevisionOutcome } from "../services/amendments/store-revisions";
import { MAX_PENDING_REVISIONS, RevisionWriter } from "./amendment-revisions";

const view = (id: string, insert: string) => ({ id, key: id, insert }) as unknown as AmendmentView;
const revision = (id: string, insert: string): Revision => ({
  amendmentId: id,
  proposalId: "p",
  authorId: "u",
  from: new Uint8Array([1]),
  to: new Uint8Array([1]),
  passage: "",
  insert,
  isNewWording: true,
  at: new Date(),
});

function fakeStore(outcome: (r: Revision) => RevisionOutcome = () => "STORED") {
  const batches: Revision[][] = [];
  let failNext = 0;
  return {
    batches,
    failTimes(n: number) {
      failNext = n;
    },
    write: async (revs: readonly Revision[]) => {
      if (failNext > 0) {
        failNext--;
        throw Object.assign(new Error("SQLITE_BUSY: database is locked"), { code: "SQLITE_BUSY" });
      }
      batches.push([...revs]);
      return revs.map(outcome);
    },
    close() {},
  };
}

describe("RevisionWriter", () => {
  it("writes revisions in one batch, the latest of each amendment winning; answers each put once written", async () => {
    const store = fakeStore();
    const w = new RevisionWriter(store, { commitIntervalMs: 10 });
    const answers = [w.submit(revision("a", "x"), view("a", "x")), w.submit(revision("a", "xy"), view("a", "xy")), w.submit(revision("b", "z"), view("b", "z"))];
    expect(w.isPending("a")).toBe(true);
    const done = await Promise.all(answers);
    expect(store.batches).toHaveLength(1);
    expect(store.batches[0]!.map((r) => r.insert)).toEqual(["xy", "z"]);
    expect(done.map((v) => v.insert)).toEqual(["xy", "xy", "z"]);
    expect(w.isPending("a")).toBe(false);
  });

  it("keeps a batch the storage refused and retries it; nothing is answered before it is written", async () => {
    const store = fakeStore();
    store.failTimes(3);
    const w = new RevisionWriter(store, { commitIntervalMs: 1 });
    let answered = false;
    const put = w.submit(revision("a", "x"), view("a", "x")).then((v) => ((answered = true), v));
    await new Promise((r) => setTimeout(r, 60));
    expect(answered).toBe(false);
    expect((await put).insert).toBe("x");
    expect(store.batches).toHaveLength(1);
    expect(w.stats.failures).toBe(3);
  });

  it("answers UNAVAILABLE to a put that waits too long, and still writes its revision", async () => {
    const store = fakeStore();
    store.failTimes(4);
    const w = new RevisionWriter(store, { commitIntervalMs: 1, maxWaitMs: 20 });
    await expect(w.submit(revision("a", "x"), view("a", "x"))).rejects.toMatchObject({ code: "UNAVAILABLE" });
    await w.drain();
    expect(store.batches.flat().map((r) => r.insert)).toEqual(["x"]);
  });

  it("refuses what the database refuses, and says so", async () => {
    const refused: string[] = [];
    const w = new RevisionWriter(fakeStore((r) => (r.amendmentId === "a" ? "NOT_OPEN" : "STORED")), { commitIntervalMs: 1 });
    w.onRefused = (r, outcome) => refused.push(`${r.amendmentId}:${outcome}`);
    await expect(w.submit(revision("a", "x"), view("a", "x"))).rejects.toMatchObject({ code: "NOT_OPEN" });
    expect(refused).toEqual(["a:NOT_OPEN"]);
  });

  it("bounds the amendments waiting", () => {
    const store = fakeStore();
    store.failTimes(1_000_000);
    const w = new RevisionWriter(store, { commitIntervalMs: 1_000_000, maxWaitMs: 1_000_000 });
    for (let i = 0; i < MAX_PENDING_REVISIONS; i++) void w.submit(revision(`a${i}`, "x"), view(`a${i}`, "x")).catch(() => {});
    expect(w.canAccept("another")).toBe(false);
    expect(w.canAccept("a0")).toBe(true);
  });
});
