import { describe, expect, it } from "vitest";
import { PacketType, type Packet } from "socket.io-parser";
import { Decoder, Encoder, MAX_ATTACHMENTS, clientFrameParser } from "./one-frame-parser";

function roundTrip(packet: Packet): { frames: Array<string | Uint8Array>; decoded: Packet[] } {
  const frames = new Encoder().encode(packet);
  const decoder = new Decoder();
  const decoded: Packet[] = [];
  decoder.on("decoded", (p: Packet) => decoded.push(p));
  for (const f of frames) decoder.add(f);
  return { frames, decoded };
}

describe("one-frame socket.io parser", () => {
  it("the server's decoder refuses more than MAX_ATTACHMENTS binaries; a client's takes a join answer with hundreds of anchors", () => {
    const anchors = Array.from({ length: 1401 }, (_, i) => ({ from: new Uint8Array([i & 255]), to: new Uint8Array([1]) }));
    const [frame] = new Encoder().encode({ type: PacketType.ACK, nsp: "/", id: 1, data: [{ ok: true, amendments: anchors }] });
    const server = new Decoder();
    expect(() => server.add(frame)).toThrow("bad attachments");
    const client = new clientFrameParser.Decoder();
    const decoded: Packet[] = [];
    client.on("decoded", (p: Packet) => decoded.push(p));
    client.add(frame);
    expect((decoded[0]!.data as [{ amendments: unknown[] }])[0].amendments).toHaveLength(1401);
    expect(MAX_ATTACHMENTS).toBeLessThan(1401);
  });

  it("sends an event with a binary payload as exactly one binary frame, and restores it", () => {
    const update = new Uint8Array([1, 2, 3, 250]);
    const { frames, decoded } = roundTrip({ type: PacketType.EVENT, nsp: "/", data: ["doc:update", { proposalId: "p1", update }], id: 7 });
    expect(frames).toHaveLength(1);
    expect(frames[0]).toBeInstanceOf(Uint8Array);
    expect(decoded).toEqual([{ type: PacketType.BINARY_EVENT, nsp: "/", id: 7, data: ["doc:update", { proposalId: "p1", update }] }]);
  });

  it("handles acks, several attachments, ArrayBuffers and nesting", () => {
    const a = new Uint8Array([9, 9]);
    const b = new Uint8Array([1]).buffer;
    const { frames, decoded } = roundTrip({ type: PacketType.ACK, nsp: "/", id: 3, data: [{ ok: true, update: a, nested: [{ sv: b }] }] });
    expect(frames).toHaveLength(1);
    expect(decoded[0]).toEqual({ type: PacketType.BINARY_ACK, nsp: "/", id: 3, data: [{ ok: true, update: a, nested: [{ sv: new Uint8Array([1]) }] }] });
  });

  it("keeps the default text encoding for packets without binary", () => {
    const { frames, decoded } = roundTrip({ type: PacketType.EVENT, nsp: "/", data: ["room:join", { proposalId: "p1", clientId: 42 }] });
    expect(frames).toEqual(['2["room:join",{"proposalId":"p1","clientId":42}]']);
    expect(decoded).toEqual([{ type: PacketType.EVENT, nsp: "/", data: ["room:join", { proposalId: "p1", clientId: 42 }] }]);
    expect(roundTrip({ type: PacketType.CONNECT, nsp: "/", data: { token: "x" } }).decoded).toHaveLength(1);
  });

  it.each([
    ["empty", new Uint8Array([])],
    ["wrong magic", new Uint8Array([0, 0, 0, 0, 0])],
    ["header longer than frame", new Uint8Array([0xb1, 255, 0, 0, 0, 1])],
    ["header not JSON", new Uint8Array([0xb1, 1, 0, 0, 0, 0x7b])],
  ])("rejects a malformed frame (%s) with an error, never a bad packet", (_name, frame) => {
    expect(() => new Decoder().add(frame)).toThrow();
  });

  it("rejects attachment tricks: lengths past the end, too many, trailing bytes, bad indexes", () => {
    const make = (header: unknown, tail: number[]) => {
      const h = new TextEncoder().encode(JSON.stringify(header));
      const f = new Uint8Array(5 + h.length + tail.length);
      f[0] = 0xb1;
      new DataView(f.buffer).setUint32(1, h.length, true);
      f.set(h, 5);
      f.set(tail, 5 + h.length);
      return f;
    };
    const d = () => new Decoder();
    expect(() => d().add(make([5, "/", null, ["e", { _b: 0 }], [10]], [1, 2]))).toThrow("bad attachment length");
    expect(() => d().add(make([5, "/", null, ["e"], Array(MAX_ATTACHMENTS + 1).fill(0)], []))).toThrow("bad attachments");
    expect(() => d().add(make([5, "/", null, ["e"], []], [1]))).toThrow("trailing bytes");
    expect(() => d().add(make([5, "/", null, ["e", { _b: 3 }], [1]], [1]))).toThrow("attachment index");
    expect(() => d().add(make([2, "/", null, ["e"], []], []))).toThrow("bad packet type");
    expect(() => d().add(make([6, "/", null, ["e"], []], []))).toThrow("ack without id");
  });
});
