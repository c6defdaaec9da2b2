// One real server for a test file, started before its tests and closed after them with every
// client the file opened: the setup the realtime integration tests share.
import { afterAll, beforeAll } from "vitest";
import { openClient, startTestServer, type TestClient, type TestServer } from "./test-server";

export type ServerSuite = {
  /** The file's server (set once its tests run). */
  readonly server: TestServer;
  /** A joined, synced client of `userId` in `proposalId`'s room, closed when the file ends. */
  client(userId: string, proposalId: string): Promise<TestClient>;
};

export function serverSuite(options?: Parameters<typeof startTestServer>[0]): ServerSuite {
  let server: TestServer | undefined;
  const open: TestClient[] = [];
  beforeAll(async () => {
    server = await startTestServer(options);
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error("the test server has not started yet");
      return server;
    },
    async client(userId, proposalId) {
      const c = await openClient(this.server, userId, proposalId);
      open.push(c);
      return c;
    },
  };
}
