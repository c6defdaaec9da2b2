import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSocket, startTestServer, waitForConnect, type TestServer } from "../helpers/test-server";
import { io } from "socket.io-client";
import { CLIENT_SOCKET_OPTIONS } from "../../lib/realtime/socket-options";

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
