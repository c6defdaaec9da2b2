import { afterEach, describe, expect, it, vi } from "vitest";
import { loadEnv } from "./env.ts";

/** An environment with only these variables (besides NODE_ENV, which Next's types require). */
const only = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...vars });

describe("loadEnv", () => {
  it("takes an event-loop threshold in milliseconds; unset or empty is the watchdog's default", () => {
    expect(loadEnv(only({ ACCORD_EVENT_LOOP_BLOCK_MS: "50" })).ACCORD_EVENT_LOOP_BLOCK_MS).toBe(50);
    expect(loadEnv(only({ ACCORD_EVENT_LOOP_BLOCK_MS: "" })).ACCORD_EVENT_LOOP_BLOCK_MS).toBeUndefined();
    expect(loadEnv(only({})).ACCORD_EVENT_LOOP_BLOCK_MS).toBeUndefined();
  });

  it("names the variable of a bad value", () => {
    expect(() => loadEnv(only({ ACCORD_EVENT_LOOP_BLOCK_MS: "soon" }))).toThrow(/ACCORD_EVENT_LOOP_BLOCK_MS: must be a number of milliseconds/);
    expect(() => loadEnv(only({ ACCORD_EVENT_LOOP_BLOCK_MS: "0" }))).toThrow(/ACCORD_EVENT_LOOP_BLOCK_MS: must be a number of milliseconds > 0/);
    expect(() => loadEnv(only({ PORT: "http" }))).toThrow(/PORT/);
  });
});

describe("settlePublicUrl", () => {
  const saved = process.env.NEXTAUTH_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.NEXTAUTH_URL;
    else process.env.NEXTAUTH_URL = saved;
    vi.resetModules();
  });

  // A fresh module each time: env() caches what it validated.
  const fresh = () => import("./env.ts");

  it("defaults NEXTAUTH_URL to where the server listens, for env() and for next-auth's own read", async () => {
    delete process.env.NEXTAUTH_URL;
    vi.resetModules();
    const { env, settlePublicUrl } = await fresh();
    expect(env().NEXTAUTH_URL).toBeUndefined();
    expect(settlePublicUrl("http://localhost:4321")).toBe("http://localhost:4321");
    expect(env().NEXTAUTH_URL).toBe("http://localhost:4321");
    expect(process.env.NEXTAUTH_URL).toBe("http://localhost:4321");
  });

  it("keeps a configured NEXTAUTH_URL", async () => {
    process.env.NEXTAUTH_URL = "https://accord.example.org";
    vi.resetModules();
    const { env, settlePublicUrl } = await fresh();
    expect(settlePublicUrl("http://localhost:4321")).toBe("https://accord.example.org");
    expect(env().NEXTAUTH_URL).toBe("https://accord.example.org");
  });
});
