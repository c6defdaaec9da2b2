// Which delegations are in the room: a delegation is present while at least one of its members
// has a socket on the workshop's board or in one of its proposals' rooms, on any node.
//
// Each node knows only its own sockets, by seat (workshop → socket → delegation, read from the
// membership the join already loaded, and re-read by the access re-check: no query of its own).
// A change on a node is coalesced per workshop; then that node asks the others for their present
// delegations (one request per change, answers of O(delegations) each), merges, and broadcasts
// `workshop:presence` to the workshop's board room on every node. Messages carry the time their
// gathering started, so a client keeps the newest: a gathering that started later saw every
// change made before it, on every node.
import type { Server } from "socket.io";
import type { WorkshopPresence } from "../../lib/protocol.ts";
import { singleNode, type Cluster } from "./cluster.ts";
import { workshopKey } from "./notifier.ts";

/**
 * A session starting (or a node restarting, and every tab reconnecting) is a burst of joins:
 * one gathering per workshop per this window, O(members) work in all rather than per join.
 */
export const ATTENDANCE_COALESCE_MS = 100;

export class Attendance {
  /** workshopId → socketId → delegationId (null: a chair or an observer, present but no delegation). */
  private readonly seats = new Map<string, Map<string, string | null>>();
  /** socketId → the workshops it has a seat in, so a disconnect frees them all. */
  private readonly bySocket = new Map<string, Set<string>>();
  private readonly pending = new Set<string>();
  /** Set once the node joins a cluster (attach.ts): then the other nodes are asked too. */
  cluster: Pick<Cluster, "askAttendance"> = singleNode;

  constructor(
    private readonly io: Server,
    private readonly coalesceMs = ATTENDANCE_COALESCE_MS,
  ) {}

  /**
   * The socket is in the workshop with this delegation. Always announced, even when nothing
   * changed: the socket may have just joined the board and needs to be told who is there.
   */
  seat(socketId: string, workshopId: string, delegationId: string | null): void {
    let seats = this.seats.get(workshopId);
    if (!seats) this.seats.set(workshopId, (seats = new Map()));
    seats.set(socketId, delegationId);
    let workshops = this.bySocket.get(socketId);
    if (!workshops) this.bySocket.set(socketId, (workshops = new Set()));
    workshops.add(workshopId);
    this.changed(workshopId);
  }

  /** The socket left the workshop's board and all its rooms (or lost access to it). */
  unseat(socketId: string, workshopId: string): void {
    const seats = this.seats.get(workshopId);
    if (!seats?.delete(socketId)) return;
    if (seats.size === 0) this.seats.delete(workshopId);
    const workshops = this.bySocket.get(socketId);
    workshops?.delete(workshopId);
    if (workshops?.size === 0) this.bySocket.delete(socketId);
    this.changed(workshopId);
  }

  /** The socket disconnected. */
  unseatAll(socketId: string): void {
    for (const workshopId of [...(this.bySocket.get(socketId) ?? [])]) this.unseat(socketId, workshopId);
  }

  /** The delegations present through this node's sockets (answered to the other nodes too). */
  here(workshopId: string): string[] {
    const present = new Set<string>();
    for (const delegationId of this.seats.get(workshopId)?.values() ?? []) if (delegationId) present.add(delegationId);
    return [...present];
  }

  /** Every node's present delegations, merged. */
  async gather(workshopId: string): Promise<WorkshopPresence> {
    const asOf = Date.now();
    const elsewhere = await this.cluster.askAttendance(workshopId);
    const delegationIds = [...new Set([...this.here(workshopId), ...elsewhere])].sort();
    return { workshopId, delegationIds, asOf };
  }

  private changed(workshopId: string): void {
    if (this.pending.has(workshopId)) return;
    this.pending.add(workshopId);
    setTimeout(() => {
      this.pending.delete(workshopId);
      this.gather(workshopId)
        .then((presence) => this.io.to(workshopKey(workshopId)).emit("workshop:presence", presence))
        // A node that did not answer in time: better no message than one that marks its people away.
        .catch((e: unknown) => console.error(`attendance of ${workshopId} not sent:`, e instanceof Error ? e.message : e));
    }, this.coalesceMs);
  }
}
