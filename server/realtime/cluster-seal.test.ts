import { describe, expect, it } from "vitest";
import { FRESH_MS, Opener, seal } from "./cluster-seal";
import { loadEnv } from "../../lib/env";

const SECRET = "unit-cluster-secret-unit-cluster-secret-0123";
const CHANNEL = "socket.io-request#/#";

describe("cluster seal", () => {
  it("opens what a holder of the secret sealed, once", () => {
    const lines: string[] = [];
    const opener = new Opener(SECRET, (l) => lines.push(l));
    const sealed = seal(SECRET, CHANNEL, '{"a":1}');
    expect(opener.open(CHANNEL, sealed)?.toString()).toBe('{"a":1}');
    expect(opener.open(CHANNEL, sealed)).toBeNull(); // a replay
    expect(opener.dropped.replayed).toBe(1);
  });

  it("drops the unsealed, the wrongly sealed, the tampered, the stale and what was sealed for another channel — logging a flood once", () => {
    const lines: string[] = [];
    const opener = new Opener(SECRET, (l) => lines.push(l));
    const now = Date.now();
    expect(opener.open(CHANNEL, Buffer.from('{"a":1}'), now)).toBeNull();
    expect(opener.open(CHANNEL, seal("another-secret-another-secret-another-secret", CHANNEL, "x"), now)).toBeNull();
    const tampered = seal(SECRET, CHANNEL, "payload");
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 1) ^ 1, tampered.length - 1);
    expect(opener.open(CHANNEL, tampered, now)).toBeNull();
    expect(opener.open(CHANNEL, seal(SECRET, CHANNEL, "old", now - FRESH_MS - 1000), now)).toBeNull();
    expect(opener.open("socket.io#/#proposal:x#", seal(SECRET, CHANNEL, "x"), now)).toBeNull();
    for (let i = 0; i < 1000; i++) opener.open(CHANNEL, Buffer.from("flood"), now);
    expect(opener.dropped).toEqual({ unsigned: 1001, "bad-mac": 3, stale: 1, replayed: 0 });
    expect(lines).toHaveLength(1);
  });

  it("is required with REDIS_URL", () => {
    expect(() => loadEnv({ REDIS_URL: "redis://127.0.0.1:6379" } as unknown as NodeJS.ProcessEnv)).toThrow(/ACCORD_CLUSTER_SECRET/);
    expect(() => loadEnv({ REDIS_URL: "redis://127.0.0.1:6379", ACCORD_CLUSTER_SECRET: "short" } as unknown as NodeJS.ProcessEnv)).toThrow(/ACCORD_CLUSTER_SECRET: must be at least 32/);
    expect(loadEnv({ REDIS_URL: "redis://127.0.0.1:6379", ACCORD_CLUSTER_SECRET: SECRET } as unknown as NodeJS.ProcessEnv).ACCORD_CLUSTER_SECRET).toBe(SECRET);
    expect(loadEnv({} as unknown as NodeJS.ProcessEnv).ACCORD_CLUSTER_SECRET).toBeUndefined();
  });
});
