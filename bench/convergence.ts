// The gate a benchmark must pass before its numbers mean anything: once the load stops and
// every client's changes are durable, every replica of a room holds the same Yjs state, and
// that state is the server's (read by a fresh client joining after the run).
import * as Y from "yjs";
import { closeClients, openProvider, type BenchClient, type Endpoint } from "./load-generator.ts";

const SAVE_TIMEOUT_MS = 30_000;
/** Relays to receivers may still be in flight after the senders' acks: allow them to land. */
const SETTLE_TIMEOUT_MS = 15_000;
const POLL_MS = 50;

export type Convergence = {
  converged: boolean;
  /** From the end of the load until every provider said "saved". */
  savedAfterMs: number;
  problems: string[];
};

/** State vector (sorted, so encoding order cannot matter) plus the rendered XML of the text. */
export function fingerprint(doc: Y.Doc): string {
  const sv = [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0]);
  return `${sv.map(([c, k]) => `${c}:${k}`).join(",")}\n${doc.getXmlFragment("default").toString()}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function allSaved(clients: BenchClient[]): Promise<boolean> {
  const deadline = performance.now() + SAVE_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (clients.every((c) => c.provider.status === "saved")) return true;
    await sleep(POLL_MS);
  }
  return false;
}

export async function checkConvergence(opts: {
  clients: BenchClient[];
  endpoint: Endpoint;
  proposalIds: string[];
  observer: string;
}): Promise<Convergence> {
  const problems: string[] = [];
  const start = performance.now();
  if (!(await allSaved(opts.clients))) {
    const unsaved = opts.clients.filter((c) => c.provider.status !== "saved");
    problems.push(`${unsaved.length} clients not saved after ${SAVE_TIMEOUT_MS} ms (e.g. status ${unsaved[0]?.provider.status})`);
  }
  const savedAfterMs = performance.now() - start;

  // The server's copy: what a newcomer receives now. The observer cannot edit, so it adds nothing.
  const checkers: BenchClient[] = [];
  const serverCopies: string[] = [];
  try {
    for (let room = 0; room < opts.proposalIds.length; room++) {
      const { socket, provider } = await openProvider(opts.endpoint, opts.observer, opts.proposalIds[room]!);
      checkers.push({ room, socket, provider });
      serverCopies.push(fingerprint(provider.doc));
    }
  } finally {
    closeClients(checkers);
  }

  const deadline = performance.now() + SETTLE_TIMEOUT_MS;
  let diverged: BenchClient[] = [];
  for (;;) {
    diverged = opts.clients.filter((c) => fingerprint(c.provider.doc) !== serverCopies[c.room]);
    if (diverged.length === 0 || performance.now() > deadline) break;
    await sleep(POLL_MS);
  }
  for (const c of diverged.slice(0, 5)) {
    const mine = fingerprint(c.provider.doc).split("\n")[0];
    const server = serverCopies[c.room]?.split("\n")[0];
    problems.push(`room ${c.room}: client ${c.provider.doc.clientID} differs from the server (state vector ${mine} vs ${server})`);
  }
  if (diverged.length > 5) problems.push(`… and ${diverged.length - 5} more replicas`);
  return { converged: problems.length === 0, savedAfterMs, problems };
}
