import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSocket, startTestServer, waitForConnect, type TestServer } from "../helpers/test-server";
import { io } from "socket.io-client";
import { CLIENT_SOCKET_OPTIONS } from "../../lib/realtime/socket-options";
import { ProposalProvider } from "../../lib/realtime/proposal-provider";
import { lastRefusal, rememberRefusals } from "../../lib/realtime/socket-refusal";

let s: TestServer;
let userId: string;

beforeAll(async () => {
  s = await startTestServer();
  userId = (await s.db.user.create({ data: { email: "a@accord.example", name: "A", passwordHash: "x" } })).id;
});
afterAll(async () => s.close());

describe("socket authentication", () => {
  it("refuses a socket without a session cookie with a named error", async () => {
    const socket = await openSocket(s, null);
    await expect(waitForConnect(socket)).rejects.toThrow("UNAUTHENTICATED");
  });

  it("a refusal heard before the editor listens still signs the editor out", async () => {
    // The tab's connection starts before the page hydrates (use-socket.ts remembers refusals).
    const socket = await openSocket(s, null);
    rememberRefusals(socket);
    await expect(waitForConnect(socket)).rejects.toThrow("UNAUTHENTICATED");
    expect(lastRefusal(socket)?.message).toBe("UNAUTHENTICATED");
    const provider = new ProposalProvider(socket, "a-proposal");
    expect(provider.access).toBe("signed-out");
    expect(provider.edit.canEdit).toBe(false);
    provider.destroy();
    socket.disconnect();
  });

  it("a connection that succeeds forgets an earlier refusal", async () => {
    const socket = await openSocket(s, userId);
    rememberRefusals(socket);
    // As socket.io reports a refused attempt before a later one succeeds.
    (socket as unknown as { emitReserved(e: string, err: Error): void }).emitReserved("connect_error", new Error("UNAUTHENTICATED"));
    expect(lastRefusal(socket)).not.toBeNull();
    await waitForConnect(socket);
    expect(lastRefusal(socket)).toBeNull();
    socket.disconnect();
  });

  it("refuses a forged session cookie", async () => {
    const socket = io(s.url, {
      ...CLIENT_SOCKET_OPTIONS,
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.forged.forged" },
    });
    await expect(waitForConnect(socket)).rejects.toThrow("UNAUTHENTICATED");
    socket.disconnect();
  });

  it("refuses a cookie signed with another secret", async () => {
    const socket = await openSocket({ url: s.url, secret: "another-secret-another-secret-another" }, userId);
    await expect(waitForConnect(socket)).rejects.toThrow("UNAUTHENTICATED");
  });

  it("accepts the same session cookie the pages use", async () => {
    const socket = await openSocket(s, userId);
    await expect(waitForConnect(socket)).resolves.toBeUndefined();
    socket.disconnect();
  });
});
