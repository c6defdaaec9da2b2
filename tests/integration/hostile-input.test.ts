// Hostile input over the socket: thousands of random, truncated, mutated and mistyped messages,
// and a flood. Afterwards the server is up, the text is exactly what the honest clients wrote,
// and every journal row is a valid update from an honest writer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import * as Y from "yjs";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { eventually, openClient, openSocket, startTestServer, textOf, waitForConnect, type TestServer } from "../helpers/test-server";
import { ClientEvents, MAX_UPDATE_BYTES, PROTOCOL_VERSION } from "../../lib/protocol";
import { MESSAGE_LIMIT } from "../../server/realtime/socket-guard";
import type { ProviderSocket } from "../../lib/realtime/proposal-provider";

let s: TestServer;
let f: Fixture;
beforeAll(async () => {
  s = await startTestServer();
  f = await createFixture(s.db, "Honest base.");
});
afterAll(async () => s.close());

function para(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

type Raw = { emit(event: string, ...args: unknown[]): void };
function send(socket: ProviderSocket, event: string, payload: unknown): Promise<{ ok: boolean; error?: { code: string } } | "no-ack"> {
  return new Promise((resolve) => {
    // Unknown events are answered with a protocol error, not an ack: do not wait long for one.
    const timer = setTimeout(() => resolve("no-ack"), Object.hasOwn(ClientEvents, event) ? 5000 : 300);
    (socket as unknown as Raw).emit(event, payload, (res: { ok: boolean; error?: { code: string } }) => {
      clearTimeout(timer);
      resolve(res);
    });
  });
}

/** A real update by someone else, then damaged: truncated or with bytes flipped. */
function damaged(base: Uint8Array, seed: number): Uint8Array {
  const copy = base.slice();
  if (seed % 2 === 0) return copy.slice(0, Math.max(1, seed % copy.length));
  for (let i = 0; i < 1 + (seed % 4); i++) copy[(seed * (i + 7)) % copy.length] = (seed * 31 + i) & 0xff;
  return copy;
}

describe("hostile input", () => {
  it("survives thousands of malformed messages; honest text and journal stay exact", async () => {
    const honestA = await openClient(s, f.users.china, f.proposalId);
    const honestB = await openClient(s, f.users.japan, f.proposalId);
    // A real update the attackers can mangle (authored by an honest client).
    const before = Y.encodeStateVector(honestA.doc);
    para(honestA.doc).insert(0, "A1 ");
    const realUpdate = Y.encodeStateAsUpdate(honestA.doc, before);
    await honestA.provider.whenSaved();

    const events = [...Object.keys(ClientEvents), "doc:delete", "constructor", "__proto__", "admin:shutdown"];
    const payload = fc.oneof(
      fc.record({ proposalId: fc.constant(f.proposalId), update: fc.uint8Array({ maxLength: 300 }) }),
      fc.record({ proposalId: fc.constant(f.proposalId), update: fc.integer({ min: 0, max: 1_000_000 }).map((n) => damaged(realUpdate, n)) }),
      fc.record({ proposalId: fc.constant(f.proposalId), stateVector: fc.uint8Array({ maxLength: 64 }) }),
      fc.record({ proposalId: fc.constant(f.proposalId), clientId: fc.oneof(fc.integer(), fc.double(), fc.string()) }),
      fc.record({ proposalId: fc.oneof(fc.string(), fc.integer(), fc.constant(f.otherProposalId)), update: fc.uint8Array({ maxLength: 40 }) }),
      fc.record({ workshopId: fc.oneof(fc.string(), fc.constant(f.workshopId)) }),
      fc.anything(),
    );
    const message = fc.tuple(fc.constantFrom(...events), payload);
    const cases = fc.sample(message, { numRuns: 2400, seed: 20261128 });

    // Attackers: a delegate and an observer of this workshop (joined), and an outsider.
    // Each socket stays under its message budget, so every case is actually processed.
    const perSocket = MESSAGE_LIMIT.capacity - 20;
    const attackers: ProviderSocket[] = [];
    const outcomes = new Map<string, number>();
    let handled = 0;
    for (let i = 0; i < cases.length; i += perSocket) {
      const user = [f.users.china2, f.users.observer, f.users.outsider][(i / perSocket) % 3]!;
      const socket = await openSocket(s, user);
      await waitForConnect(socket);
      attackers.push(socket);
      await send(socket, "room:join", { proposalId: f.proposalId, clientId: 1000 + i, protocol: PROTOCOL_VERSION });
      const batch = cases.slice(i, i + perSocket);
      const results = await Promise.all(batch.map(([event, p]) => send(socket, event, p)));
      for (const r of results) {
        handled++;
        const key = r === "no-ack" ? "no-ack" : r.ok ? "ok" : r.error!.code;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      }
    }
    console.log(`hostile messages sent: ${handled}; outcomes:`, Object.fromEntries(outcomes));
    expect(handled).toBe(cases.length);
    // Unknown events get no ack (a protocol error instead); everything else is answered.
    expect(outcomes.get("INTERNAL") ?? 0).toBe(0);

    // The honest clients go on and converge; the server is up.
    para(honestB.doc).insert(para(honestB.doc).length, " B1");
    await honestB.provider.whenSaved();
    await eventually(() => textOf(honestA.doc) === textOf(honestB.doc), "honest clients to converge");
    const room = s.server.rooms.peek(f.proposalId)!;
    expect(textOf(room.doc)).toBe(textOf(honestA.doc));
    expect(textOf(room.doc)).toBe("<paragraph>A1 Honest base. B1</paragraph>");

    // Nothing invalid in the database: every journal row is a clean update by an honest writer,
    // and replaying the journal over the checkpoint gives exactly the room's text.
    const rows = await s.db.documentUpdate.findMany({ where: { proposalId: f.proposalId } });
    const checkpoint = await s.db.documentCheckpoint.findFirstOrThrow({ where: { proposalId: f.proposalId } });
    const replay = new Y.Doc();
    Y.applyUpdate(replay, checkpoint.state);
    for (const r of rows) {
      expect([f.users.china, f.users.japan]).toContain(r.userId);
      expect(() => Y.decodeUpdate(r.update)).not.toThrow();
      Y.applyUpdate(replay, r.update);
    }
    expect(replay.store.pendingStructs).toBeNull();
    expect(textOf(replay)).toBe(textOf(room.doc));
    for (const a of attackers) a.disconnect();
    honestA.close();
    honestB.close();
  });

  it("throttles a flooding client, then disconnects it with a named reason; others are unaffected", async () => {
    const honest = await openClient(s, f.users.japan, f.proposalId);
    const flooder = await openSocket(s, f.users.china2);
    await waitForConnect(flooder);
    const reason = new Promise<{ code: string }>((resolve) => flooder.on("protocol:error", (e) => e.code === "RATE_LIMITED" && resolve(e)));
    const disconnected = new Promise<string>((resolve) => flooder.on("disconnect", resolve));
    let limited = 0;
    for (let i = 0; i < 1000; i++) {
      (flooder as unknown as Raw).emit("doc:sync", { proposalId: f.proposalId, stateVector: new Uint8Array([0]) }, (r: { ok: boolean; error?: { code: string } }) => {
        if (!r.ok && r.error?.code === "RATE_LIMITED") limited++;
      });
    }
    expect(await reason).toMatchObject({ code: "RATE_LIMITED" });
    expect(await disconnected).toBe("io server disconnect");
    expect(limited).toBeGreaterThan(0);
    // The honest client still edits and saves.
    para(honest.doc).insert(0, "still here ");
    await honest.provider.whenSaved();
    expect(textOf(s.server.rooms.peek(f.proposalId)!.doc)).toContain("still here ");
    honest.close();
  });

  it("refuses an oversized frame at the transport without harming the room", async () => {
    const honest = await openClient(s, f.users.japan, f.proposalId);
    const big = await openSocket(s, f.users.china2);
    await waitForConnect(big);
    const gone = new Promise<string>((resolve) => big.on("disconnect", resolve));
    (big as unknown as Raw).emit("doc:update", { proposalId: f.proposalId, update: new Uint8Array(MAX_UPDATE_BYTES * 2) });
    expect(await gone).toBe("transport close");
    para(honest.doc).insert(0, "unharmed ");
    await honest.provider.whenSaved();
    honest.close();
  });
});
