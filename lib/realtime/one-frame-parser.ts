// A socket.io parser that sends a message with binary data as ONE WebSocket frame.
//
// socket.io's default parser sends a text frame with the JSON and then one more frame per binary
// attachment. Yjs updates are tiny and frequent, so that doubled the server's work per delivery.
// Here such a packet is a single binary frame: [magic][header length][JSON header][attachments].
// Packets without binary keep the default text encoding. Used by the server and every client.
import { Emitter } from "@socket.io/component-emitter";
import { Decoder as TextDecoderParser, Encoder as TextEncoderParser, PacketType, type Packet } from "socket.io-parser";

const MAGIC = 0xb1;
/**
 * What the server accepts from a client: more attachments than any client message carries (each
 * has at most one). A client accepts far more from the server: a join answer carries two
 * anchors per amendment and per comment thread (bounded by MAX_OPEN_AMENDMENTS and MAX_THREADS).
 */
export const MAX_ATTACHMENTS = 8;
export const MAX_ATTACHMENTS_FROM_SERVER = 16_384;

type Binary = Uint8Array | ArrayBuffer;

function isBinary(v: unknown): v is Binary {
  return v instanceof Uint8Array || v instanceof ArrayBuffer;
}

function hasBinary(v: unknown, depth = 0): boolean {
  if (depth > 16 || v === null || typeof v !== "object") return false;
  if (isBinary(v)) return true;
  if (Array.isArray(v)) return v.some((x) => hasBinary(x, depth + 1));
  return Object.values(v).some((x) => hasBinary(x, depth + 1));
}

/** Replaces binaries with {_b: index} placeholders, collecting them in order. */
function extract(v: unknown, out: Uint8Array[]): unknown {
  if (isBinary(v)) {
    out.push(v instanceof Uint8Array ? v : new Uint8Array(v));
    return { _b: out.length - 1 };
  }
  if (Array.isArray(v)) return v.map((x) => extract(x, out));
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, extract(x, out)]));
  return v;
}

function restore(v: unknown, attachments: Uint8Array[]): unknown {
  if (Array.isArray(v)) return v.map((x) => restore(x, attachments));
  if (v !== null && typeof v === "object") {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === "_b" && typeof (v as { _b: unknown })._b === "number") {
      const a = attachments[(v as { _b: number })._b];
      if (!a) throw new Error("attachment index out of range");
      return a;
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, restore(x, attachments)]));
  }
  return v;
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

export class Encoder {
  private readonly text = new TextEncoderParser();

  encode(packet: Packet): Array<string | Uint8Array> {
    const isEventOrAck = packet.type === PacketType.EVENT || packet.type === PacketType.ACK;
    if (!isEventOrAck || !hasBinary(packet.data)) return this.text.encode(packet);
    const attachments: Uint8Array[] = [];
    const data = extract(packet.data, attachments);
    const type = packet.type === PacketType.EVENT ? PacketType.BINARY_EVENT : PacketType.BINARY_ACK;
    const header = utf8Encoder.encode(JSON.stringify([type, packet.nsp, packet.id ?? null, data, attachments.map((a) => a.byteLength)]));
    const size = 5 + header.byteLength + attachments.reduce((n, a) => n + a.byteLength, 0);
    const frame = new Uint8Array(size);
    frame[0] = MAGIC;
    new DataView(frame.buffer).setUint32(1, header.byteLength, true);
    frame.set(header, 5);
    let offset = 5 + header.byteLength;
    for (const a of attachments) {
      frame.set(a, offset);
      offset += a.byteLength;
    }
    return [frame];
  }
}

function decodeFrame(chunk: Uint8Array, maxAttachments: number): Packet {
  if (chunk.byteLength < 5 || chunk[0] !== MAGIC) throw new Error("not a one-frame packet");
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const headerLength = view.getUint32(1, true);
  if (5 + headerLength > chunk.byteLength) throw new Error("truncated header");
  const header: unknown = JSON.parse(utf8Decoder.decode(chunk.subarray(5, 5 + headerLength)));
  if (!Array.isArray(header) || header.length !== 5) throw new Error("bad header");
  const [type, nsp, id, data, lengths] = header as [unknown, unknown, unknown, unknown, unknown];
  if (type !== PacketType.BINARY_EVENT && type !== PacketType.BINARY_ACK) throw new Error("bad packet type");
  if (typeof nsp !== "string" || !Array.isArray(data)) throw new Error("bad packet");
  if (id !== null && !(Number.isInteger(id) && (id as number) >= 0)) throw new Error("bad ack id");
  if (type === PacketType.BINARY_ACK && id === null) throw new Error("ack without id");
  if (!Array.isArray(lengths) || lengths.length > maxAttachments) throw new Error("bad attachments");
  const attachments: Uint8Array[] = [];
  let offset = 5 + headerLength;
  for (const len of lengths) {
    if (!Number.isInteger(len) || len < 0 || offset + len > chunk.byteLength) throw new Error("bad attachment length");
    // A view, not a copy: the frame is ours alone once received.
    attachments.push(chunk.subarray(offset, offset + len));
    offset += len;
  }
  if (offset !== chunk.byteLength) throw new Error("trailing bytes");
  const packet: Packet = { type, nsp, data: restore(data, attachments) };
  if (id !== null) packet.id = id as number;
  return packet;
}

export class Decoder extends Emitter<Record<string, never>, Record<string, never>, { decoded: (packet: Packet) => void }> {
  private readonly text = new TextDecoderParser();

  constructor(private readonly maxAttachments = MAX_ATTACHMENTS) {
    super();
    this.text.on("decoded", (packet: Packet) => this.emitReserved("decoded", packet));
  }

  add(chunk: unknown): void {
    if (typeof chunk === "string") this.text.add(chunk);
    else if (chunk instanceof ArrayBuffer) this.emitReserved("decoded", decodeFrame(new Uint8Array(chunk), this.maxAttachments));
    else if (chunk instanceof Uint8Array) this.emitReserved("decoded", decodeFrame(chunk, this.maxAttachments));
    else throw new Error("unknown chunk type");
  }

  destroy(): void {
    this.text.destroy();
  }
}

/** What the server decodes with: a client's messages carry at most MAX_ATTACHMENTS binaries. */
export const oneFrameParser = { Encoder, Decoder };

/** What clients decode the server's messages with (socket.io constructs it without arguments). */
class ServerMessageDecoder extends Decoder {
  constructor() {
    super(MAX_ATTACHMENTS_FROM_SERVER);
  }
}
export const clientFrameParser = { Encoder, Decoder: ServerMessageDecoder };
