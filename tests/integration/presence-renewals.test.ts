// Presence renewals: every tab re-sends its unchanged presence every 15 s so that others keep
// it. Relayed one by one, idle rooms of 20 cost the server ~2,500 sends a second at 2,000 tabs.
// A renewal is applied at once and sent on with the room's other renewals in one message per
// flush; a real change (a caret moved, someone arrived) still goes out at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as decoding from "lib0/decoding";
import { awarenessUpdate } from "../helpers/awareness";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { openSocket, startTestServer, type TestServer } from "../helpers/test-server";
import { PROTOCOL_VERSION } from "../../lib/protocol";
import type { ProviderSocket } from "../../lib/realtime/proposal-provider";

const FLUSH_MS = 400;
let s: TestServer;
let f: Fixture;
const sockets: ProviderSocket[] = [];

beforeAll(async () => {
  s = await startTestServer({ rooms: { presenceRenewalMs: FLUSH_MS } });
  f = await createFixture(s.db);
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await s.close();
});

/** The (client id, clock) pairs of a presence update. */
function entriesOf(update: Uint8Array): Array<[number, number]> {
  const d = decoding.createDecoder(update);
  const out: Array<[number, number]> = [];
  for (let n = decoding.readVarUint(d); n > 0; n--) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    decoding.readVarString(d);
    out.push([clientId, clock]);
  }
  return out;
}

/** A socket in the room, recording every presence message it receives. */
async function member(userId: string, clientId: number) {
  const socket = await openSocket(s, userId);
  sockets.push(socket);
  const received: Array<{ at: number; entries: Array<[number, number]> }> = [];
  socket.on("awareness:update", ({ update }) => void received.push({ at: Date.now(), entries: entriesOf(new Uint8Array(update)) }));
  const joined = await socket.timeout(10_000).emitWithAck("room:join", { proposalId: f.proposalId, clientId, protocol: PROTOCOL_VERSION });
  expect(joined.ok).toBe(true);
  const send = async (clock: number, state: object) => {
    const res = await socket.timeout(10_000).emitWithAck("awareness:update", { proposalId: f.proposalId, update: awarenessUpdate([{ clientId, clock, state }]) });
    expect(res.ok).toBe(true);
  };
  return { socket, received, send };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("presence renewals", () => {
  it("go out together once per flush; changes go out at once", async () => {
    const china = await member(f.users.china, 501);
    const japan = await member(f.users.japan, 502);
    const watcher = await member(f.users.observer, 503);

    // Arriving is a change: the watcher hears each at once.
    await china.send(1, { cursor: 1 });
    await japan.send(1, { cursor: 7 });
    await sleep(100);
    expect(watcher.received.flatMap((m) => m.entries)).toEqual([
      [501, 1],
      [502, 1],
    ]);

    // Both renew, unchanged: nothing at once…
    await sleep(FLUSH_MS); // past a flush, so the renewals below share the next one
    watcher.received.length = 0;
    const renewedAt = Date.now();
    await china.send(2, { cursor: 1 });
    await japan.send(2, { cursor: 7 });
    await sleep(20);
    expect(watcher.received).toEqual([]);
    // …then one message with both, within a flush.
    await sleep(FLUSH_MS + 200);
    expect(watcher.received).toHaveLength(1);
    expect(watcher.received[0]!.entries.sort()).toEqual([
      [501, 2],
      [502, 2],
    ]);
    expect(watcher.received[0]!.at - renewedAt).toBeLessThanOrEqual(FLUSH_MS + 200);

    // A moved caret is a change again: out at once, and nothing is left for the next flush.
    watcher.received.length = 0;
    await china.send(3, { cursor: 2 });
    await sleep(100);
    expect(watcher.received.flatMap((m) => m.entries)).toEqual([[501, 3]]);
    await sleep(FLUSH_MS + 100);
    expect(watcher.received).toHaveLength(1);
  });
});
