// Fresh servers for one run, each behind the Transport interface: Accord on SQLite (one
// process), Accord on several nodes (PostgreSQL + Redis, bench/cluster/), or the y-websocket
// or Hocuspocus baselines. Every run gets its own, so no run inherits another's rooms, journal or heap.
import { startCluster } from "../cluster/cluster.ts";
import type { Preset } from "../presets.ts";
import { startServerProcess } from "../server-control.ts";
import { accordTransport } from "../transport-accord.ts";
import { startHocuspocus } from "../transport-hocuspocus.ts";
import { startYWebsocket } from "../transport-y-websocket.ts";
import type { BaselineName } from "../result.ts";
import type { Transport } from "../transport.ts";
import { safeLabel } from "./window.ts";

/** `nodes` set (even to 1) means PostgreSQL + Redis, the baseline for comparing `--nodes 2`. */
export async function startAccord(load: Preset): Promise<Transport> {
  // The log goes to $TMPDIR/accord-bench-server-<label>.log: unique per run, so runs never share one.
  const label = `${safeLabel(load.name)}-${Date.now()}`;
  const opts = { label, rooms: load.rooms, clientsPerRoom: load.clients };
  if (load.nodes === undefined) return accordTransport(await startServerProcess(opts));
  // Server CPU and RSS are then sums over the nodes, event-loop delay the worst node's.
  const cluster = await startCluster({ ...opts, nodes: load.nodes });
  return accordTransport(cluster, cluster.endpoint);
}

export function startBaseline(load: Preset, name: BaselineName = "y-websocket"): Promise<Transport> {
  return name === "y-websocket" ? startYWebsocket(load.rooms) : startHocuspocus(load.rooms, name);
}
