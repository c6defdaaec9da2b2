// The end of a soak (P5): with every client gone, wait until the server has unloaded the rooms,
// then read its RSS again and what its journal holds, to show drift, unload and compaction.
import type { SoakReport } from "../result.ts";
import { round } from "../stats.ts";
import type { ServerUsage, Transport } from "../transport.ts";
import type { WindowFigures } from "./window.ts";

/** The server unloads a room 30 s after its last client left (server/realtime/rooms.ts idleMs). */
const UNLOAD_WAIT_MS = 40_000;

/** RSS readings taken during the run: before any client connected, and mid-window. */
export type SoakSampler = { beforeClients: ServerUsage; middle: ServerUsage | null };

const mb = (u: ServerUsage) => round(u.rssBytes / 2 ** 20, 1);

/** Call after every client has disconnected. */
export async function finishSoak(t: Transport, s: SoakSampler, w: WindowFigures, log: (line: string) => void): Promise<SoakReport> {
  log(`  [${t.name}] soak: clients disconnected; waiting ${UNLOAD_WAIT_MS / 1000} s for the rooms to unload…`);
  await new Promise((r) => setTimeout(r, UNLOAD_WAIT_MS));
  const after = await t.usage();
  return {
    rss_mb: { before_clients: mb(s.beforeClients), start: mb(w.start), middle: s.middle ? mb(s.middle) : Number.NaN, end: mb(w.end), after_unload: mb(after) },
    rss_drift_mb: round(mb(after) - mb(s.beforeClients), 1),
    unload_wait_s: UNLOAD_WAIT_MS / 1000,
    journal: t.diagnostics ? await t.diagnostics.journalCounts() : null,
  };
}
