// A real Accord server (socket.io on a real HTTP port, chosen by the OS) over a throw-away
// SQLite file. Next is left out: the realtime layer does not need a production build.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import { startAccordServer, type AccordServer } from "../../server/app-server.ts";
import { createTestDb, type TestDb } from "./test-db.ts";

export type TestServer = TestDb & {
  server: AccordServer;
  secret: string;
  url: string;
  sessionCookie(userId: string, name?: string): Promise<string>;
  client(userId: string | null, opts?: { autoConnect?: boolean }): Promise<Socket>;
  close(): Promise<void>;
};

export async function startTestServer(): Promise<TestServer> {
  const t = await createTestDb();
  const secret = randomBytes(32).toString("base64url");
  const server = await startAccordServer({ db: t.db, secret, port: 0, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${server.port}`;
  const sockets: Socket[] = [];

  async function sessionCookie(userId: string, name = "Test User"): Promise<string> {
    const jwt = await encode({ token: { sub: userId, name }, secret });
    return `next-auth.session-token=${jwt}`;
  }

  return {
    ...t,
    server,
    secret,
    url,
    sessionCookie,
    async client(userId, opts = {}) {
      const extraHeaders: Record<string, string> = userId ? { cookie: await sessionCookie(userId) } : {};
      const socket = connect(url, { transports: ["websocket"], extraHeaders, autoConnect: opts.autoConnect ?? true, reconnection: false, forceNew: true });
      sockets.push(socket);
      return socket;
    },
    async close() {
      for (const s of sockets) s.disconnect();
      await server.close();
      await t.cleanup();
    },
  };
}

export function waitForConnect(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once("connect", () => resolve());
    socket.once("connect_error", (err) => reject(err));
  });
}
