// The start and end most realtime suites share: a real server around the fixture workshop, the
// ids of its two delegations (China, Japan), and the clients a suite opened, closed at the end.
import { createFixture, type Fixture } from "./fixtures";
import { startTestServer, type TestClient, type TestServer } from "./test-server";

export type FixtureServer = { s: TestServer; f: Fixture; chn: string; jpn: string };

export async function startFixtureServer(opening: string, opts: Parameters<typeof startTestServer>[0] = {}): Promise<FixtureServer> {
  const s = await startTestServer(opts);
  const f = await createFixture(s.db, opening);
  const delegation = async (code: string) => (await s.db.delegation.findFirstOrThrow({ where: { workshopId: f.workshopId, code } })).id;
  return { s, f, chn: await delegation("CHN"), jpn: await delegation("JPN") };
}

/** Closes the suite's clients, then the server; `settleMs` lets live-board snapshots still queued go out first. */
export async function stopFixtureServer(s: TestServer, open: TestClient[], settleMs = 0): Promise<void> {
  for (const c of open) c.close();
  if (settleMs > 0) await new Promise((r) => setTimeout(r, settleMs));
  await s.close();
}
