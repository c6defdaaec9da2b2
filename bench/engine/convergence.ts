// The gate a run must pass before its numbers mean anything: once the load stops and every
// client's changes are durable, every replica of a room holds the same Yjs state, and that
// state is the server's (read by a fresh client joining after the run).
import * as Y from "yjs";
import type { Replica, Transport } from "../transport.ts";

const SAVE_TIMEOUT_MS = 30_000;
/** Relays to receivers may still be in flight after the senders' acks: allow them to land. */
const SETTLE_TIMEOUT_MS = 15_000;
const SAVE_POLL_MS = 50;
/** Each look at a room's server copy is a fresh connection: not too often. */
const SETTLE_POLL_MS = 250;
const LISTED_REPLICAS = 5;

/** State vector (sorted, so encoding order cannot matter) plus the rendered XML of the text. */
export function fingerprint(doc: Y.Doc): string {
  const sv = [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0]);
  return `${sv.map(([c, k]) => `${c}:${k}`).join(",")}\n${doc.getXmlFragment("default").toString()}`;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The problems found; none means converged. */
export async function checkConvergence(t: Transport, replicas: Replica[], rooms: number): Promise<string[]> {
  const problems: string[] = [];
  const saveDeadline = performance.now() + SAVE_TIMEOUT_MS;
  while (!replicas.every((r) => r.isSaved()) && performance.now() < saveDeadline) await sleep(SAVE_POLL_MS);
  const unsaved = replicas.filter((r) => !r.isSaved());
  if (unsaved.length > 0) problems.push(`${unsaved.length} clients not saved after ${SAVE_TIMEOUT_MS} ms (e.g. ${unsaved[0]!.status()})`);

  // The server's copy is read again while a room still differs: without durability acks (the
  // baseline) "saved" proves nothing, and the server may still be taking in the last updates.
  const copies = new Map<number, string>();
  let diverged: Replica[] = [];
  let pending = new Set(Array.from({ length: rooms }, (_, room) => room));
  const deadline = performance.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    for (const room of pending) copies.set(room, fingerprint(await t.readServerCopy(room)));
    diverged = replicas.filter((r) => fingerprint(r.doc) !== copies.get(r.room));
    if (diverged.length === 0 || performance.now() > deadline) break;
    pending = new Set(diverged.map((r) => r.room));
    await sleep(SETTLE_POLL_MS);
  }
  for (const r of diverged.slice(0, LISTED_REPLICAS)) {
    const mine = fingerprint(r.doc).split("\n")[0];
    const server = copies.get(r.room)?.split("\n")[0];
    problems.push(`room ${r.room}: client ${r.doc.clientID} differs from the server (state vector ${mine} vs ${server})`);
  }
  if (diverged.length > LISTED_REPLICAS) problems.push(`… and ${diverged.length - LISTED_REPLICAS} more replicas differ`);
  return problems;
}
