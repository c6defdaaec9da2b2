// The two hottest writes, straight onto the WebSocket: room broadcasts of binary events (Yjs
// and awareness updates, one per keystroke × members) and answers to requests (one per update).
//
// Through socket.io, every member costs its own packet object, engine.io queue and flush
// events, packet encoding, a freshly built WebSocket frame header and a two-buffer writev. The
// bytes are the same for everyone, so here the whole WebSocket frame is built once and handed
// to each member's WebSocket sender as it is: one write per member. It is the path engine.io
// itself takes for frames socket.io pre-computes (`wsPreEncodedFrame`, text packets only).
// Everything else (joins, state changes, the workshop board) still goes through socket.io.
//
// Order is kept: a member whose engine.io queue holds anything (or who is not on an open
// WebSocket) gets the event through socket.io instead, behind what is queued. Everything
// emitted to a member earlier is then already in its TCP stream, and everything later follows.
//
// Rooms see a socket only as a RoomMember (room-member.ts); this file is the one place that
// reaches into socket.io, engine.io and ws internals. Upgrade checklist — checked with
// socket.io 4.8.4 (engine.io 6.6.x, socket.io-parser 4.2.7) and ws 8.23.0:
// - engine.io Socket (`socket.conn`): `readyState`, `writeBuffer` (its queue), `transport.name`,
//   `transport.socket` (the ws WebSocket), `transport.opts.perMessageDeflate`;
// - ws: `WebSocket.Sender.frame(data, options)` (static) and a WebSocket's private
//   `_sender.sendFrame(list)` — the pair engine.io uses for its own pre-encoded frames;
// - socket.io Socket's private `packet(packet, opts)` (answerDirectly wraps it for ACKs);
// - the one-frame parser's Encoder (lib/realtime/one-frame-parser.ts) for the bytes.
// If any of these changes, fan-out.test.ts fails first ("writes one frame to every member…" and
// "answers requests straight onto the WebSocket"); until fixed, directSender returning null
// sends everything through socket.io, slower but correct.
import WebSocket from "ws";
import { PacketType, type Packet } from "socket.io-parser";
import type { Socket } from "socket.io";
import type { Delivery, RoomMember, ServerEvent, ServerPayload } from "./room-member.ts";
import { Encoder } from "../../lib/realtime/one-frame-parser.ts";
import type { ServerToClientEvents } from "../../lib/protocol.ts";

/** Events with binary payloads sent to a whole room: Yjs and awareness updates, amendments as typed (two anchors each). */
export type BinaryEvent = "doc:update" | "awareness:update" | "amendment:changed";
export type BinaryPayload<E extends BinaryEvent> = Parameters<ServerToClientEvents[E]>[0];

// ws does not type its Sender; these are the parts engine.io relies on too.
type FrameOptions = { fin: boolean; rsv1: boolean; opcode: number; mask: boolean; readOnly: boolean };
const { Sender } = WebSocket as unknown as { Sender: { frame(data: Buffer, options: FrameOptions): Buffer[] } };
type WsSender = { sendFrame(list: Buffer[], cb?: (err?: Error) => void): void };
type WsLike = { readyState: number; _sender?: Partial<WsSender> };
type ConnLike = { readyState: string; writeBuffer: unknown[]; transport: { name: string; socket?: WsLike; opts?: { perMessageDeflate?: unknown } } };

const TEXT_OPCODE = 1;
const BINARY_OPCODE = 2;
const encoder = new Encoder();

/**
 * The complete WebSocket frame a client receives for a socket.io packet: engine.io sends a
 * binary packet as a bare binary frame and a text packet as "4" (message) + the text.
 */
export function framePacket(packet: Packet): Buffer | null {
  const encoded = encoder.encode(packet);
  const only = encoded[0];
  if (encoded.length !== 1 || only === undefined) return null;
  const isText = typeof only === "string";
  const data = isText ? Buffer.from(`4${only}`) : Buffer.from(only.buffer, only.byteOffset, only.byteLength);
  const parts = Sender.frame(data, { fin: true, rsv1: false, opcode: isText ? TEXT_OPCODE : BINARY_OPCODE, mask: false, readOnly: false });
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/** The frame of a server → client binary event. */
export function frameEvent<E extends BinaryEvent>(event: E, payload: BinaryPayload<E>): Buffer {
  const frame = framePacket({ type: PacketType.EVENT, nsp: "/", data: [event, payload] });
  // A binary payload always encodes to one packet; anything else is a programming error.
  if (!frame) throw new Error(`${event} did not encode to one packet`);
  return frame;
}

/** The member's WebSocket sender, if a frame written now lands right after everything emitted before. */
function directSender(socket: Socket): WsSender | null {
  const conn = socket.conn as unknown as ConnLike;
  if (conn.readyState !== "open" || conn.writeBuffer.length > 0 || conn.transport.name !== "websocket") return null;
  // With compression on, ws queues frames while it deflates: a raw frame could overtake them.
  if (conn.transport.opts?.perMessageDeflate) return null;
  const ws = conn.transport.socket;
  if (!ws || ws.readyState !== WebSocket.OPEN || typeof ws._sender?.sendFrame !== "function") return null;
  return ws._sender as WsSender;
}

/** How a fan-out went out: straight onto WebSockets, or through socket.io (behind its queue). */
export type FanOutCount = { direct: number; viaSocketIo: number };

/** A socket.io socket as a room member: prebuilt frames straight onto its WebSocket when in order. */
export function socketMember(socket: Socket): RoomMember {
  return {
    id: socket.id,
    send<E extends ServerEvent>(event: E, payload: ServerPayload<E>, frame?: () => Buffer[]): Delivery {
      const sender = frame ? directSender(socket) : null;
      if (sender && frame) {
        sender.sendFrame(frame());
        return "direct";
      }
      // socket.io's typed emit cannot see that E narrows the payload; the cast is that fact.
      (socket.emit as (e: E, p: ServerPayload<E>) => boolean)(event, payload);
      return "queued";
    },
    close: () => void socket.disconnect(true),
  };
}

/** Sends one event to every given member but `exceptId`, building its bytes once. */
export function fanOut<E extends BinaryEvent>(members: Iterable<{ member: RoomMember }>, exceptId: string | null, event: E, payload: BinaryPayload<E>): FanOutCount {
  // One list for every member: the sender writes list[0] and keeps nothing.
  let frame: [Buffer] | null = null;
  const built = () => (frame ??= [frameEvent(event, payload)]);
  const count: FanOutCount = { direct: 0, viaSocketIo: 0 };
  for (const { member } of members) {
    if (member.id === exceptId) continue;
    if (member.send(event, payload as ServerPayload<E>, built) === "direct") count.direct++;
    else count.viaSocketIo++;
  }
  return count;
}

/**
 * Answers a client's request (a socket.io ACK packet) straight onto its WebSocket when nothing
 * is queued ahead of it. Returns false when socket.io must send it instead.
 */
export function sendPacketDirect(socket: Socket, packet: Packet): boolean {
  const sender = directSender(socket);
  if (!sender) return false;
  const frame = framePacket(packet);
  if (!frame) return false;
  sender.sendFrame([frame]);
  return true;
}

/**
 * Answers to this socket's requests (socket.io ACK packets) go straight onto its WebSocket.
 * socket.io builds every answer through its own `packet` method; this wraps it for ACKs only.
 */
export function answerDirectly(socket: Socket): void {
  const internal = socket as unknown as { packet(packet: Packet, opts?: object): void };
  const viaSocketIo = internal.packet.bind(socket);
  internal.packet = (packet, opts) => {
    if (packet.type === PacketType.ACK && sendPacketDirect(socket, { ...packet, nsp: socket.nsp.name })) return;
    viaSocketIo(packet, opts);
  };
}
