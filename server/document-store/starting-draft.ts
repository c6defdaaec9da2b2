import * as Y from "yjs";
import type { Db, Tx } from "../../lib/db.ts";
import { asBytes } from "../../lib/bytes.ts";

/**
 * Stores a new proposal's starting text (its first checkpoint) and records who owns the Yjs
 * client ids that wrote it — the proposal's creator, or nobody (null) for text written outside
 * any session. Without a ledger row, the first delegate whose update touched those ids would
 * claim them, and the whole starting draft would be attributed to that delegation.
 */
export async function recordStartingDraft(
  db: Db | Tx,
  input: { proposalId: string; state: Uint8Array; owner: { userId: string; delegationId: string | null } | null },
): Promise<void> {
  await db.documentCheckpoint.create({ data: { proposalId: input.proposalId, state: asBytes(input.state) } });
  const writers = [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(input.state)).keys()];
  for (const clientId of writers) {
    await db.documentClient.create({
      data: { proposalId: input.proposalId, clientId: BigInt(clientId), userId: input.owner?.userId ?? null, delegationId: input.owner?.delegationId ?? null },
    });
  }
}
