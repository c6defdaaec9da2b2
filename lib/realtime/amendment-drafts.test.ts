// Suggesting sends at most one put per amendment at a time, the latest state wins, passing
// refusals and lost connections keep what was typed, and a final refusal says what was lost.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AmendmentAck, AmendmentView, Participant } from "../protocol.ts";
import { AmendmentDrafts, overlayDrafts, type Draft } from "./amendment-drafts.ts";

const A = new Uint8Array([1, 2, 3]);
const B = new Uint8Array([1, 2, 9]);

function draft(insert: string, over: Partial<Draft> = {}): Draft {
  return { key: "key-0001", from: A, to: B, insert, passage: "shall", createdAt: "2026-01-01T10:00:00.000Z", ...over };
}

/** A fake server: every put waits until the test answers it. */
function fakeServer() {
  const calls: Array<{ draft: Draft; answer: (ack: AmendmentAck) => void; fail: () => void }> = [];
  const send = (d: Draft) =>
    new Promise<AmendmentAck>((resolve, reject) => {
      calls.push({ draft: d, answer: resolve, fail: () => reject(new Error("timeout")) });
    });
  return { calls, send };
}

const ok: AmendmentAck = { ok: true, amendment: null };
const refused = (code: "WRONG_STATE" | "RATE_LIMITED" | "UNAVAILABLE" | "FORBIDDEN", message = "No."): AmendmentAck => ({ ok: false, error: { code, message } });
/** Lets answered promises run (timers are fake here). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe("AmendmentDrafts", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
  afterEach(() => vi.useRealTimers());

  it("keeps one put in flight per key and sends only the latest state after it", async () => {
    const server = fakeServer();
    const drafts = new AmendmentDrafts({ send: server.send, isOnline: () => true });
    drafts.put(draft("m"));
    drafts.put(draft("ma"));
    drafts.put(draft("may"));
    expect(server.calls.map((c) => c.draft.insert)).toEqual(["m"]);
    expect(drafts.snapshot().pending.get("key-0001")?.draft.insert).toBe("may");
    server.calls[0]!.answer(ok);
    await vi.waitFor(() => expect(server.calls).toHaveLength(2));
    expect(server.calls[1]!.draft.insert).toBe("may");
    server.calls[1]!.answer(ok);
    await vi.waitFor(() => expect(drafts.snapshot().pending.size).toBe(0));
    expect(server.calls).toHaveLength(2);
  });

  it("sends different amendments independently", () => {
    const server = fakeServer();
    const drafts = new AmendmentDrafts({ send: server.send, isOnline: () => true });
    drafts.put(draft("a", { key: "key-aaaa" }));
    drafts.put(draft("b", { key: "key-bbbb" }));
    expect(server.calls.map((c) => c.draft.key)).toEqual(["key-aaaa", "key-bbbb"]);
  });

  it("keeps what was typed offline and sends it once back online", async () => {
    const server = fakeServer();
    let online = false;
    const drafts = new AmendmentDrafts({ send: server.send, isOnline: () => online });
    drafts.put(draft("m"));
    drafts.put(draft("may"));
    expect(server.calls).toHaveLength(0);
    expect(drafts.snapshot().pending.get("key-0001")?.state).toBe("waiting");
    online = true;
    drafts.online();
    expect(server.calls.map((c) => c.draft.insert)).toEqual(["may"]);
    expect(drafts.snapshot().pending.get("key-0001")?.state).toBe("sending");
  });

  it("retries after a passing refusal or no answer, keeping the latest text", async () => {
    const server = fakeServer();
    const drafts = new AmendmentDrafts({ send: server.send, isOnline: () => true, retryMs: 1000 });
    drafts.put(draft("m"));
    server.calls[0]!.answer(refused("RATE_LIMITED"));
    await settle();
    drafts.put(draft("ma"));
    // Not sent yet: the key waits for its retry.
    expect(server.calls).toHaveLength(1);
    expect(drafts.snapshot().pending.get("key-0001")?.state).toBe("waiting");
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls.map((c) => c.draft.insert)).toEqual(["m", "ma"]);
    server.calls[1]!.fail();
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls.map((c) => c.draft.insert)).toEqual(["m", "ma", "ma"]);
    server.calls[2]!.answer(ok);
    await vi.waitFor(() => expect(drafts.snapshot().pending.size).toBe(0));
    expect(drafts.snapshot().refusals).toEqual([]);
  });

  it("a refusal for good drops the draft and names its newest text", async () => {
    const server = fakeServer();
    const drafts = new AmendmentDrafts({ send: server.send, isOnline: () => true });
    drafts.put(draft("m"));
    drafts.put(draft("may"));
    server.calls[0]!.answer(refused("WRONG_STATE", "Amendments can be proposed only while drafting is open."));
    await vi.waitFor(() => expect(drafts.snapshot().refusals).toHaveLength(1));
    expect(drafts.snapshot().refusals[0]).toEqual({ key: "key-0001", passage: "shall", insert: "may", message: "Amendments can be proposed only while drafting is open." });
    expect(drafts.snapshot().pending.size).toBe(0);
    expect(server.calls).toHaveLength(1);
    drafts.dismissRefusal("key-0001");
    expect(drafts.snapshot().refusals).toEqual([]);
  });

  it("a reason set before the server has the amendment goes with every later put", () => {
    const server = fakeServer();
    const drafts = new AmendmentDrafts({ send: server.send, isOnline: () => false });
    drafts.put(draft("m"));
    expect(drafts.setReason("key-0001", "Clearer.")).toBe(true);
    drafts.put(draft("may"));
    expect(drafts.snapshot().pending.get("key-0001")?.draft).toMatchObject({ insert: "may", reason: "Clearer." });
    expect(drafts.setReason("unknown-key", "x")).toBe(false);
  });
});

describe("overlayDrafts", () => {
  const self: Participant = { userId: "u-jp", name: "Aiko", role: "DELEGATE", delegation: { id: "d-jp", name: "Japan", code: "JPN", colour: "#be185d" } };
  const view = (over: Partial<AmendmentView>): AmendmentView => ({
    id: "a1",
    key: "key-0001",
    from: A,
    to: B,
    passage: "shall",
    insert: "m",
    reason: null,
    status: "OPEN",
    delegation: self.delegation,
    author: { id: self.userId, name: self.name },
    stances: [],
    createdAt: "2026-01-01T10:00:00.000Z",
    decidedAt: null,
    ...over,
  });

  it("lays my pending text over the server's, adds drafts it has not seen, and hides discarded ones", () => {
    const pending = new Map([
      ["key-0001", { draft: draft("may"), state: "sending" as const }],
      ["key-0002", { draft: draft("new", { key: "key-0002" }), state: "waiting" as const }],
      ["key-0003", { draft: draft("", { key: "key-0003", from: A, to: A }), state: "sending" as const }],
    ]);
    const server = [view({}), view({ id: "a3", key: "key-0003" }), view({ id: "other", author: { id: "u-cn", name: "Li" }, key: "key-0002", insert: "theirs" })];
    const shown = overlayDrafts(server, { pending, refusals: [] }, self);
    expect(shown.map((a) => [a.id, a.insert, a.pending])).toEqual([
      ["a1", "may", "sending"],
      ["other", "theirs", null],
      ["draft:key-0002", "new", "waiting"],
    ]);
    expect(shown[2]).toMatchObject({ status: "OPEN", delegation: self.delegation, author: { id: "u-jp" } });
  });

  it("shows a decided amendment as decided even while a draft of it is pending", () => {
    const pending = new Map([["key-0001", { draft: draft("may"), state: "sending" as const }]]);
    const shown = overlayDrafts([view({ status: "ACCEPTED" })], { pending, refusals: [] }, self);
    expect(shown.map((a) => [a.status, a.insert])).toEqual([["ACCEPTED", "m"]]);
  });
});
