// The Hocuspocus baseline's token check and the command line's baseline/idle options.
// Part of `npm test` (vitest.config.ts includes bench/**/*.test.ts).
import { describe, expect, it } from "vitest";
import { baselineList, parseCli } from "./cli.ts";
import { signHocuspocusToken, verifyHocuspocusToken } from "./hocuspocus-token.ts";

describe("hocuspocus token", () => {
  const claims = { doc: "bench-1-0", sub: "bench-0-1", exp: Date.now() + 60_000 };
  it("accepts a token signed with the secret", () => {
    expect(verifyHocuspocusToken("s3cret", signHocuspocusToken("s3cret", claims))).toEqual(claims);
  });
  it("refuses another secret, a changed body, an expired token and garbage", () => {
    const token = signHocuspocusToken("s3cret", claims);
    expect(verifyHocuspocusToken("other", token)).toBeNull();
    const [, mac] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ ...claims, doc: "bench-1-1" })).toString("base64url")}.${mac}`;
    expect(verifyHocuspocusToken("s3cret", forged)).toBeNull();
    expect(verifyHocuspocusToken("s3cret", signHocuspocusToken("s3cret", { ...claims, exp: Date.now() - 1 }))).toBeNull();
    for (const bad of [undefined, "", "x", "a.b.c", `${token}x`]) expect(verifyHocuspocusToken("s3cret", bad)).toBeNull();
  });
});

describe("--baseline and idle", () => {
  it("takes a list of baselines in order, and all", () => {
    expect(baselineList("y-websocket,hocuspocus")).toEqual(["y-websocket", "hocuspocus"]);
    expect(baselineList("all")).toEqual(["y-websocket", "hocuspocus", "hocuspocus-per-update"]);
    expect(baselineList(undefined)).toEqual([]);
    expect(() => baselineList("automerge")).toThrow(/unknown server/);
    expect(() => baselineList("hocuspocus,hocuspocus")).toThrow(/once/);
  });
  it("keeps the old --baseline y-websocket", () => {
    const cmd = parseCli(["--profile", "P2", "--baseline", "y-websocket"]);
    expect(cmd).toMatchObject({ kind: "load", baselines: ["y-websocket"] });
  });
  it("parses idle both ways, with defaults", () => {
    expect(parseCli(["idle"])).toMatchObject({ kind: "idle", counts: [500, 1000, 2000], rooms: 100, typists: 5, rate: 5, seconds: 20, baselines: [] });
    expect(parseCli(["--idle", "1000,500", "--baseline", "hocuspocus", "--seconds", "5"])).toMatchObject({ kind: "idle", counts: [500, 1000], seconds: 5, baselines: ["hocuspocus"] });
    expect(() => parseCli(["idle", "50"])).toThrow(/at least --rooms/);
    expect(() => parseCli(["idle", "--baseline", "y-websocket"])).toThrow(/only "hocuspocus"/);
    expect(() => parseCli(["idle", "--clients", "5"])).toThrow(/does not apply/);
  });
});
