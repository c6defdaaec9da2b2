// Presence without renewals (presence-keeping.ts): a state stays while its socket is in the
// room, so nothing travels to keep it. Renewals used to cost an idle server thousands of
// messages a second (every tab every 15 s, to every other member).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as decoding from "lib0/decoding";
import { applyAwarenessUpdate } from "y-protocols/awareness";
import { awarenessUpdate } from "../helpers/awareness";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { eventually, openClient, openSocket, startTestServer, type TestClient, type TestServer } from "../helpers/test-server";
import { PROTOCOL_VERSION } from "../../lib/protocol";
import type { ProviderSocket } from "../../lib/realtime/proposal-provider";
import type { Room } from "../../server/realtime/room";

const SWEEP_MS = 200;
/** y-protocols drops a state not marked current for 30 s, checking every 3 s. */
const EXPIRED_MS = 31_000;
const CHECK_MS = 3000;
let s: TestServer;
let f: Fixture;
const sockets: ProviderSocket[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  s = await startTestServer({ rooms: { presenceSweepMs: SWEEP_MS } });
  f = await createFixture(s.db);
});
afterAll(async () => {
  for (const c of clients) c.close();
  for (const socket of sockets) socket.disconnect();
  await s.close();
});

/** The (client id, clock, state) entries of a presence update. */
function entriesOf(update: Uint8Array): Array<[number, number, unknown]> {
  const d = decoding.createDecoder(update);
  const out: Array<[number, number, unknown]> = [];
  for (let n = decoding.readVarUint(d); n > 0; n--) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    out.push([clientId, clock, JSON.parse(decoding.readVarString(d))]);
  }
  return out;
}

/** A raw socket in the room, recording every presence entry it receives. */
async function member(userId: string, clientId: number) {
  const socket = await openSocket(s, userId);
  sockets.push(socket);
  const received: Array<[number, number, unknown]> = [];
  socket.on("awareness:update", ({ update }) => void received.push(...entriesOf(new Uint8Array(update))));
  const joined = await socket.timeout(10_000).emitWithAck("room:join", { proposalId: f.proposalId, clientId, protocol: PROTOCOL_VERSION });
  expect(joined.ok).toBe(true);
  const send = async (clock: number, state: object) => {
    const res = await socket.timeout(10_000).emitWithAck("awareness:update", { proposalId: f.proposalId, update: awarenessUpdate([{ clientId, clock, state }]) });
    expect(res.ok).toBe(true);
  };
  return { socket, received, send };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const room = (): Room => s.server.rooms.peek(f.proposalId)!;
/** Pretends `ids`' states were last heard of `ms` ago (y-protocols reads Date.now()). */
function age(ids: number[], ms: number): void {
  for (const id of ids) room().awareness.meta.get(id)!.lastUpdated -= ms;
}

describe("presence without renewals", () => {
  it("a renewal goes to nobody; a change goes out at once", async () => {
    const china = await member(f.users.china, 501);
    const watcher = await member(f.users.observer, 503);
    await china.send(1, { cursor: 1 });
    await sleep(100);
    expect(watcher.received.map(([id, clock]) => [id, clock])).toEqual([[501, 1]]);

    watcher.received.length = 0;
    await china.send(2, { cursor: 1 });
    await sleep(3 * SWEEP_MS);
    expect(watcher.received).toEqual([]);

    await china.send(3, { cursor: 2 });
    await sleep(100);
    expect(watcher.received.map(([id, clock]) => [id, clock])).toEqual([[501, 3]]);
  });

  it("keeps this node's members present while their sockets are in the room, telling nobody", async () => {
    const japan = await member(f.users.japan, 502);
    const watcher = await member(f.users.china2, 504);
    await japan.send(1, { cursor: 4 });
    await sleep(100);
    watcher.received.length = 0;

    // The sweep marks members current on its own…
    age([502], 10_000);
    await eventually(() => Date.now() - room().awareness.meta.get(502)!.lastUpdated < 5000, "the sweep to mark Japan current");
    // …so a state last sent long ago is not expired by the next check.
    age([502], EXPIRED_MS);
    s.server.rooms.keepPresence(Date.now());
    await sleep(CHECK_MS + 500);
    expect(room().awareness.getStates().has(502)).toBe(true);
    expect(watcher.received).toEqual([]);

    // Leaving is announced at once.
    japan.socket.disconnect();
    await eventually(() => watcher.received.some(([id, , state]) => id === 502 && state === null), "Japan's departure");
  });

  it("takes another node's states each sweep: new ones go to the tabs here, known ones are kept current", async () => {
    const watcher = await member(f.users.observer, 505);
    const elsewhere = { clientId: 901, clock: 1, state: { user: { name: "Elsewhere" } } };
    const gone = { clientId: 902, clock: 4, state: { user: { name: "Gone" } } };
    // Relayed when they changed; then both nodes go quiet.
    applyAwarenessUpdate(room().awareness, awarenessUpdate([elsewhere, gone]), "relay");
    age([901, 902], EXPIRED_MS);
    // One node's sweep still holds 901 (and a tab this room never heard of, 903); the other node died.
    const later = { clientId: 903, clock: 2, state: { user: { name: "Joined before this room loaded" } } };
    s.server.rooms.takeRelayedPresence(f.proposalId, awarenessUpdate([elsewhere, later]), Date.now());
    await eventually(() => watcher.received.some(([id]) => id === 903), "the newly learnt state at the tabs");
    expect(watcher.received.filter(([id]) => id === 901)).toEqual([]); // unchanged: not sent again

    // 902's node stopped sending: it expires, and the tabs here are told.
    await eventually(() => watcher.received.some(([id]) => id === 902), "the expired state's removal", CHECK_MS + 2000);
    expect(watcher.received.filter(([id]) => id === 902)).toEqual([[902, 4, null]]);
    expect(room().awareness.getStates().has(902)).toBe(false);
    expect(room().awareness.getStates().has(901)).toBe(true);
  });

  it("an expired state announced again at the same clock (a node back after a long outage) is taken again", async () => {
    const watcher = await member(f.users.observer, 507);
    const idle = { clientId: 911, clock: 3, state: { user: { name: "Idle elsewhere" } } };
    applyAwarenessUpdate(room().awareness, awarenessUpdate([idle]), "relay");
    age([911], EXPIRED_MS);
    await eventually(() => watcher.received.some(([id, , state]) => id === 911 && state === null), "the expiry", CHECK_MS + 2000);
    watcher.received.length = 0;
    // The other node's next sweep, once the link is back: nothing moved, so the clock is the same.
    s.server.rooms.takeRelayedPresence(f.proposalId, awarenessUpdate([idle]), Date.now());
    expect(room().awareness.getStates().has(911)).toBe(true);
    await eventually(() => watcher.received.some(([id, clock, state]) => id === 911 && clock === 3 && state !== null), "the state back at the tabs");
  });

  it("after a reconnect, a tab sees the idle members again and is seen again", async () => {
    const stay = await openClient(s, f.users.china, f.proposalId);
    const blip = await openClient(s, f.users.japan, f.proposalId, { reconnection: true });
    clients.push(stay, blip);
    const sees = (tab: TestClient, other: TestClient) => tab.provider.awareness.getStates().has(other.doc.clientID);
    await eventually(() => sees(stay, blip) && sees(blip, stay), "both tabs to see each other");
    // The venue's Wi-Fi drops for a moment; nobody moves a caret before or after.
    blip.socket.io.engine.close();
    await eventually(() => !sees(stay, blip), "the departure");
    await eventually(() => blip.provider.synced, "the rejoin");
    await eventually(() => sees(blip, stay), "the reconnected tab to see the idle member again");
    await eventually(() => sees(stay, blip), "the idle member to see the reconnected tab again");
  });

  it("a connection that dies after its tab came back on a new one takes nobody with it", async () => {
    const watcher = await member(f.users.observer, 611);
    const old = await member(f.users.japan, 612);
    await old.send(1, { cursor: 1 });
    await eventually(() => watcher.received.some(([id]) => id === 612), "the tab's presence at the watcher");
    // Venue Wi-Fi: the tab is back on a new connection before the server notices the old one died.
    const fresh = await member(f.users.japan, 612);
    await fresh.send(2, { cursor: 1 });
    watcher.received.length = 0;
    old.socket.disconnect();
    await eventually(() => !s.server.rooms.peek(f.proposalId)?.sessions.has(old.socket.id ?? ""), "the old connection to leave");
    await sleep(3 * SWEEP_MS);
    expect(room().awareness.getStates().has(612)).toBe(true);
    expect(watcher.received.filter(([id, , state]) => id === 612 && state === null)).toEqual([]);
  });

  it("a tab announced gone by another node (its old connection died there late) announces itself again", async () => {
    const stay = await openClient(s, f.users.china, f.proposalId);
    const blip = await openClient(s, f.users.japan, f.proposalId);
    clients.push(stay, blip);
    const sees = (tab: TestClient, other: TestClient) => tab.provider.awareness.getStates().has(other.doc.clientID);
    await eventually(() => sees(stay, blip) && sees(blip, stay), "both tabs to see each other");
    // What a node does with a removal relayed from another (attach.ts, onAwareness), at the clock
    // the tab's rejoin left there.
    const id = blip.doc.clientID;
    const removal = awarenessUpdate([{ clientId: id, clock: room().awareness.meta.get(id)!.clock, state: null }]);
    applyAwarenessUpdate(room().awareness, removal, "relay");
    room().broadcast("awareness:update", { proposalId: f.proposalId, update: removal });
    await eventually(() => room().awareness.getStates().has(id), "the tab back in the room");
    await eventually(() => sees(stay, blip), "the other tab to see it again");
  });

  it("a refused presence update is sent again at the next renewal", async () => {
    const tab = await openClient(s, f.users.china2, f.proposalId);
    clients.push(tab);
    const sent: unknown[] = [];
    let refuseNext = true;
    const emit = tab.socket.emit.bind(tab.socket);
    tab.socket.emit = ((event: string, ...args: unknown[]) => {
      if (event === "awareness:update") {
        sent.push(args[0]);
        if (refuseNext) {
          refuseNext = false;
          (args[1] as (res: unknown) => void)({ ok: false, error: { code: "RATE_LIMITED", message: "Too many updates." } });
          return tab.socket;
        }
      }
      return (emit as (e: string, ...a: unknown[]) => unknown)(event, ...args);
    }) as typeof tab.socket.emit;
    const aw = tab.provider.awareness;
    aw.setLocalStateField("cursor", { anchor: 2, head: 2 });
    await eventually(() => sent.length === 1, "the refused send");
    // y-protocols renews the tab's own state when it is 15 s old.
    aw.meta.get(aw.clientID)!.lastUpdated -= 16_000;
    await eventually(() => sent.length === 2, "the renewal sent, since the last send was refused", CHECK_MS + 2000);
    await eventually(() => (room().awareness.getStates().get(aw.clientID) as { cursor?: unknown } | undefined)?.cursor !== undefined, "the caret in the room");
  });

  it("a join that loses its connection half-way leaves no session behind", async () => {
    await member(f.users.china, 614); // keeps the room loaded
    // The join waits on the database (here: its client-id claim) while the connection goes.
    const ledger = room().ledger;
    const claim = ledger.claim.bind(ledger);
    let claimed = false;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    ledger.claim = async (...args: Parameters<typeof claim>) => {
      claimed = true;
      await gate;
      return claim(...args);
    };
    try {
      const socket = await openSocket(s, f.users.observer);
      await eventually(() => socket.connected, "the connection");
      const id = socket.id!;
      socket.emit("room:join", { proposalId: f.proposalId, clientId: 613, protocol: PROTOCOL_VERSION }, () => {});
      await eventually(() => claimed, "the join to reach the database");
      expect(s.server.io.sockets.sockets.has(id)).toBe(true);
      socket.disconnect();
      await eventually(() => !s.server.io.sockets.sockets.has(id), "the server to see the connection gone");
      release();
      await sleep(200);
      expect(room().sessions.has(id)).toBe(false);
    } finally {
      ledger.claim = claim;
      release();
    }
  });

  it("a tab sends its presence only when it changes, and keeps others' while connected", async () => {
    const other = await member(f.users.china, 506);
    await other.send(1, { cursor: 9 });
    const tab = await openClient(s, f.users.japan, f.proposalId);
    clients.push(tab);
    await eventually(() => tab.provider.awareness.getStates().has(506), "the other member's presence in the tab");
    const sent: unknown[] = [];
    const emit = tab.socket.emit.bind(tab.socket);
    tab.socket.emit = ((event: string, ...args: unknown[]) => {
      if (event === "awareness:update") sent.push(args[0]);
      return (emit as (e: string, ...a: unknown[]) => unknown)(event, ...args);
    }) as typeof tab.socket.emit;

    // y-protocols renews this tab's own state when it is 15 s old, and expires others' at 30 s.
    const aw = tab.provider.awareness;
    const clockBefore = aw.meta.get(aw.clientID)!.clock;
    aw.meta.get(aw.clientID)!.lastUpdated -= 16_000;
    aw.meta.get(506)!.lastUpdated -= EXPIRED_MS;
    await eventually(() => aw.meta.get(aw.clientID)!.clock > clockBefore, "the tab's own renewal", CHECK_MS + 2000);
    await sleep(200);
    expect(sent).toEqual([]);
    expect(aw.getStates().has(506)).toBe(true);

    // A moved caret is sent.
    aw.setLocalStateField("cursor", { anchor: 1, head: 1 });
    await eventually(() => sent.length === 1, "the moved caret to be sent");
    await eventually(() => other.received.some(([id, , state]) => id === aw.clientID && (state as { cursor?: unknown })?.cursor !== undefined), "the caret at the other member");
  });

  // Last: it reloads the room the other tests share.
  it("a tab's rejoin drops the people who left while it was not listening", async () => {
    const tab = await openClient(s, f.users.china, f.proposalId);
    clients.push(tab);
    // Someone whose departure this tab missed (the room was reloading).
    applyAwarenessUpdate(tab.provider.awareness, awarenessUpdate([{ clientId: 9911, clock: 1, state: { user: { name: "Gone" } } }]), "test");
    expect(tab.provider.awareness.getStates().has(9911)).toBe(true);
    const before = room();
    s.server.rooms.resetRoom(before);
    await eventually(() => s.server.rooms.peek(f.proposalId) !== undefined && s.server.rooms.peek(f.proposalId) !== before && tab.provider.synced, "the rejoin");
    await eventually(() => !tab.provider.awareness.getStates().has(9911), "the ghost dropped");
    expect(tab.provider.awareness.getStates().has(tab.doc.clientID)).toBe(true);
  });
});
