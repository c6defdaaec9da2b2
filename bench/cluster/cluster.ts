// `--nodes N`: N Accord server processes on one fresh PostgreSQL database and Redis, as a
// scaled-out deployment runs them. The result looks like one server to bench/run.ts: usage is
// summed over the nodes (event-loop delay: the worst node's), and the endpoint hands out the
// nodes' URLs round-robin, one per socket.
import { createScratchDatabase } from "../../lib/pg-scratch-database.ts";
import type { Endpoint } from "../accord-client.ts";
import { worstLoop } from "../loop-window.ts";
import { startServerProcess, type ServerHandle, type Usage, type UsageOptions } from "../server-control.ts";

export const DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432";
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

export type ClusterHandle = ServerHandle & {
  /** Reading `url` returns the next node's URL: each socket opened through it lands on the next node. */
  endpoint: Endpoint;
  nodeUrls: string[];
  databaseUrl: string;
  redisUrl: string;
};

/** The server part of DATABASE_URL (any database name in it is replaced by a fresh one). */
function pgServerUrl(raw: string): string {
  const u = new URL(raw);
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:") throw new Error(`--nodes needs DATABASE_URL=postgresql://… (got "${u.protocol}…")`);
  u.pathname = "";
  u.search = "";
  return u.toString().replace(/\/$/, "");
}

/**
 * Round-robin over the nodes, by connection order. `openSocket` reads `endpoint.url` once per
 * socket (synchronously, in the order clients are planned), so client i goes to node i mod N,
 * the way a load balancer without stickiness-by-room would spread tabs.
 */
class RoundRobinEndpoint implements Endpoint {
  private next = 0;
  constructor(
    private readonly urls: string[],
    readonly secret: string,
  ) {}
  get url(): string {
    const url = this.urls[this.next % this.urls.length]!;
    this.next++;
    return url;
  }
}

export async function startCluster(opts: {
  label: string;
  nodes: number;
  rooms: number;
  clientsPerRoom: number;
  compactAfterRows?: number | undefined;
}): Promise<ClusterHandle> {
  if (!Number.isInteger(opts.nodes) || opts.nodes < 1) throw new Error("--nodes must be a whole number ≥ 1");
  const pgServer = pgServerUrl(process.env.DATABASE_URL || DEFAULT_PG_URL);
  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const { name: dbName, url: databaseUrl, drop: dropDb } = await createScratchDatabase(pgServer, "accord_bench");

  const nodes: ServerHandle[] = [];
  try {
    // Node 0 migrates the database and creates the fixture; the others reuse it (same secret, so
    // one session cookie is valid on every node, as with one NEXTAUTH_SECRET in production).
    for (let i = 0; i < opts.nodes; i++) {
      const first = nodes[0];
      nodes.push(
        await startServerProcess({
          label: `${opts.label}-node${i}`,
          rooms: opts.rooms,
          clientsPerRoom: opts.clientsPerRoom,
          compactAfterRows: opts.compactAfterRows,
          databaseUrl,
          redisUrl,
          fixture: first?.fixture,
          secret: first?.secret,
        }),
      );
    }
  } catch (e) {
    await Promise.allSettled(nodes.map((n) => n.stop()));
    await dropDb();
    throw e;
  }

  const first = nodes[0]!;
  const nodeUrls = nodes.map((n) => n.url);
  console.log(`  ${opts.nodes} node${opts.nodes === 1 ? "" : "s"} (${nodeUrls.join(", ")}) on database ${dbName}, Redis ${redisUrl}`);
  return {
    url: first.url,
    endpoint: new RoundRobinEndpoint(nodeUrls, first.secret),
    nodeUrls,
    databaseUrl,
    redisUrl,
    logPath: nodes.map((n) => n.logPath).join(", "),
    secret: first.secret,
    fixture: first.fixture,
    async usage(opts: UsageOptions = {}): Promise<Usage> {
      const all = await Promise.all(nodes.map((n) => n.usage(opts)));
      return {
        cpuUs: all.reduce((s, u) => s + u.cpuUs, 0),
        rssBytes: all.reduce((s, u) => s + u.rssBytes, 0),
        // The window is timed on node 0's monotonic clock; the readings are taken together.
        atMs: all[0]!.atMs,
        loop: worstLoop(all.map((u) => u.loop)),
      };
    },
    async profileStart() {
      await Promise.all(nodes.map((n) => n.profileStart()));
    },
    async profileStop(path: string) {
      await Promise.all(nodes.map((n, i) => n.profileStop(path.replace(/(\.cpuprofile)?$/, `-node${i}$1`))));
    },
    // Loading is one node's work: the first node's figures.
    loadRooms: (proposalIds: string[]) => first.loadRooms(proposalIds),
    // The nodes share one database: any node sees the whole journal.
    journalCounts: () => first.journalCounts(),
    errorSummary() {
      const parts = nodes.map((n, i) => ({ i, s: n.errorSummary() }));
      return { total: parts.reduce((s, p) => s + p.s.total, 0), top: parts.flatMap((p) => p.s.top.map((l) => `node${p.i}: ${l}`)).slice(0, 6) };
    },
    stallSummary() {
      const parts = nodes.map((n, i) => ({ i, s: n.stallSummary() }));
      return { total: parts.reduce((s, p) => s + p.s.total, 0), longest: parts.flatMap((p) => p.s.longest.map((l) => `node${p.i}: ${l}`)).slice(0, 6) };
    },
    async stop() {
      await Promise.allSettled(nodes.map((n) => n.stop()));
      await dropDb();
    },
  };
}
