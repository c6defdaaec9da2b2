import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Server, type Socket as ServerSocket } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { oneFrameParser } from "../../lib/realtime/one-frame-parser";
import { CLIENT_SOCKET_OPTIONS } from "../../lib/realtime/socket-options";
import { answerDirectly, fanOut, socketMember } from "./fan-out";

// A bare socket.io server speaking the app's parser: what reaches real clients, byte for byte.
let http: HttpServer;
let io: Server;
let url: string;

beforeAll(async () => {
  http = createServer();
  io = new Server(http, { parser: oneFrameParser });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await io.close();
});

/** Connected client/server socket pairs, and every event each client receives, in order. */
async function pairs(n: number) {
  const made: Array<{ client: ClientSocket; server: ServerSocket; seen: Array<[string, unknown]> }> = [];
  for (let i = 0; i < n; i++) {
    const serverSide = new Promise<ServerSocket>((resolve) => io.once("connection", resolve));
    const client = connect(url, { ...CLIENT_SOCKET_OPTIONS, forceNew: true });
    const seen: Array<[string, unknown]> = [];
    client.onAny((event: string, payload: unknown) => seen.push([event, payload]));
    made.push({ client, server: await serverSide, seen });
  }
  return made;
}

const close = (ps: Array<{ client: ClientSocket }>) => ps.forEach((p) => p.client.disconnect());

function until(check: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => (check() ? resolve() : Date.now() - started > 5000 ? reject(new Error("timed out")) : setTimeout(tick, 5));
    tick();
  });
}

describe("fanOut", () => {
  it("writes one frame to every member but the sender, which clients decode as the event", async () => {
    const ps = await pairs(3);
    const members = ps.map((p) => ({ member: socketMember(p.server) }));
    const count = fanOut(members, ps[0]!.server.id, "doc:update", { proposalId: "p1", update: new Uint8Array([1, 2, 3]) });
    expect(count).toEqual({ direct: 2, viaSocketIo: 0 });
    // What the sender is sent next arrives after anything sent before it on that connection.
    ps[0]!.server.emit("room:state", { proposalId: "p1", state: "DRAFTING", edit: { canEdit: true } });
    await until(() => ps.every((p) => p.seen.length === 1));
    expect(ps[0]!.seen.map(([e]) => e)).toEqual(["room:state"]);
    for (const p of ps.slice(1)) {
      const [event, payload] = p.seen[0]!;
      expect(event).toBe("doc:update");
      const { proposalId, update } = payload as { proposalId: string; update: ArrayBuffer | Uint8Array };
      expect(proposalId).toBe("p1");
      expect([...new Uint8Array(update)]).toEqual([1, 2, 3]);
    }
    close(ps);
  });

  it("queues behind what socket.io holds for a member, so nothing overtakes it", async () => {
    const [p] = await pairs(1);
    const transport = p!.server.conn.transport as unknown as { writable: boolean };
    // As while a previous write is in flight: engine.io keeps new packets in its buffer.
    transport.writable = false;
    p!.server.emit("room:state", { proposalId: "p1", state: "LOCKED", edit: { canEdit: false, reason: "Locked" } });
    const count = fanOut([{ member: socketMember(p!.server) }], null, "doc:update", { proposalId: "p1", update: new Uint8Array([9]) });
    expect(count).toEqual({ direct: 0, viaSocketIo: 1 });
    transport.writable = true;
    (p!.server.conn as unknown as { flush(): void }).flush();
    await until(() => p!.seen.length === 2);
    expect(p!.seen.map(([e]) => e)).toEqual(["room:state", "doc:update"]);
    close([p!]);
  });
});

describe("fanOut with compression", () => {
  it("leaves every frame to socket.io when WebSocket compression is on (ws queues while it deflates)", async () => {
    const http2 = createServer();
    const io2 = new Server(http2, { parser: oneFrameParser, perMessageDeflate: { threshold: 0 } });
    await new Promise<void>((resolve) => http2.listen(0, "127.0.0.1", resolve));
    const serverSide = new Promise<ServerSocket>((resolve) => io2.once("connection", resolve));
    const client = connect(`http://127.0.0.1:${(http2.address() as AddressInfo).port}`, { ...CLIENT_SOCKET_OPTIONS, forceNew: true });
    const received = new Promise<unknown>((resolve) => client.once("doc:update", resolve));
    const count = fanOut([{ member: socketMember(await serverSide) }], null, "doc:update", { proposalId: "p1", update: new Uint8Array([4, 2]) });
    expect(count).toEqual({ direct: 0, viaSocketIo: 1 });
    const { update } = (await received) as { update: ArrayBuffer | Uint8Array };
    expect([...new Uint8Array(update)]).toEqual([4, 2]);
    client.disconnect();
    await io2.close();
  });
});

describe("answerDirectly", () => {
  it("answers requests without engine.io's packet queue, text and binary alike", async () => {
    const [p] = await pairs(1);
    answerDirectly(p!.server);
    const queued: string[] = [];
    p!.server.conn.on("packetCreate", (packet: { type: string }) => queued.push(packet.type));
    p!.server.on("echo", (payload: { n: number }, ack: (res: unknown) => void) => ack({ ok: true, n: payload.n }));
    p!.server.on("bytes", (_: unknown, ack: (res: unknown) => void) => ack({ ok: true, update: new Uint8Array([7, 8]) }));
    expect(await p!.client.emitWithAck("echo", { n: 41 })).toEqual({ ok: true, n: 41 });
    const bytes = (await p!.client.emitWithAck("bytes", {})) as { ok: boolean; update: ArrayBuffer | Uint8Array };
    expect([...new Uint8Array(bytes.update)]).toEqual([7, 8]);
    expect(queued.filter((t) => t === "message")).toEqual([]);
    close([p!]);
  });
});
