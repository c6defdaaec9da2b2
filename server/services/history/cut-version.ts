import * as Y from "yjs";
import type { Db, Tx } from "../../../lib/db.ts";
import { textWithClients } from "../../../lib/document/authorship.ts";
import { findManyInChunks } from "../../../lib/db-chunks.ts";
import { sha256Hex, versionHash } from "../../../lib/domain/version-chain.ts";
import type { VersionKind } from "../../../lib/domain/vocabulary.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { packState } from "../../document-store/version-state.ts";
import { openAmendmentsNow } from "../amendments/open-amendments.ts";
import { contentOf, contentSelect, storePreviousAsDelta, wholeBytes } from "./version-store.ts";


/** What a version records of the text, read from the live document in one synchronous step. */
export type FrozenText = { state: Uint8Array; text: string; stateVector: Map<number, number> };

export function freezeText(doc: Y.Doc): FrozenText {
  return { state: Y.encodeStateAsUpdate(doc), text: textWithClients(doc).text, stateVector: Y.decodeStateVector(Y.encodeStateVector(doc)) };
}

export type CutVersionInput = {
  proposalId: string;
  workshopId: string;
  frozen: FrozenText;
  kind: VersionKind;
  label: string | null;
  authorId: string | null;
  /** Delegations seen editing since the last version (deletions included). */
  editors: ReadonlySet<string>;
  now: Date;
  /** AUTO versions are skipped when the text has not changed since the previous version. */
  skipIfUnchanged?: boolean;
};

/** Delegations whose Yjs clients inserted text since the previous version's state. */
async function insertingDelegations(tx: Tx, proposalId: string, previousState: Uint8Array | null, now: Map<number, number>): Promise<Set<string>> {
  const before = previousState ? Y.decodeStateVector(Y.encodeStateVectorFromUpdate(previousState)) : new Map<number, number>();
  const advanced = [...now].filter(([client, clock]) => clock > (before.get(client) ?? 0)).map(([c]) => BigInt(c));
  const owners = await findManyInChunks(advanced, (chunk) =>
    tx.documentClient.findMany({ where: { proposalId, clientId: { in: chunk } }, select: { delegationId: true } }),
  );
  const delegations = new Set<string>();
  for (const o of owners) if (o.delegationId) delegations.add(o.delegationId);
  return delegations;
}

/**
 * Adds a version to the proposal's chain: Yjs state, plain text, contributing delegations,
 * and the hash over the previous hash, the text and the metadata. Returns null when skipped.
 * The new version is stored whole; the one before it becomes deltas against it where that pays
 * off (version-store.ts), in the same transaction.
 */
export async function cutVersion(db: Db | Tx, input: CutVersionInput): Promise<{ id: string; number: number } | null> {
  const run = async (tx: Tx) => {
    const previous = await tx.version.findFirst({
      where: { proposalId: input.proposalId },
      orderBy: { number: "desc" },
      select: { id: true, hash: true, ...contentSelect },
    });
    // The newest version is whole (written so below), so this reads that one row.
    const before = previous && (await contentOf(tx, input.proposalId, previous));
    const { text, state } = input.frozen;
    if (input.skipIfUnchanged && before && before.text === text) return null;
    const contributors = new Set([...input.editors, ...(await insertingDelegations(tx, input.proposalId, before?.state ?? null, input.frozen.stateVector))]);
    const fields = {
      proposalId: input.proposalId,
      number: (previous?.number ?? 0) + 1,
      kind: input.kind,
      label: input.label,
      text,
      contributors: [...contributors].sort(),
      authorId: input.authorId,
      createdAt: input.now,
      stateSha256: sha256Hex(state),
      prevHash: previous?.hash ?? null,
    };
    // The amendments still open alongside this text (same transaction: what was open with exactly it).
    const openAmendments = JSON.stringify(await openAmendmentsNow(tx, input.proposalId));
    const created = await tx.version.create({
      data: { ...fields, contributors: JSON.stringify(fields.contributors), openAmendments, state: packState(state), hash: versionHash(fields) },
      select: { id: true, number: true },
    });
    if (previous && before) {
      await storePreviousAsDelta(tx, { id: previous.id, number: previous.number, storedBytes: wholeBytes(previous), content: before }, { number: created.number, content: { text, state } });
    }
    await recordAudit(tx, {
      workshopId: input.workshopId,
      proposalId: input.proposalId,
      actorId: input.authorId,
      action: "version.cut",
      detail: { number: created.number, kind: input.kind, label: input.label },
    });
    return created;
  };
  // Called inside a caller's transaction (e.g. opening a vote) or on its own.
  return "$transaction" in db ? (db as Db).$transaction(run) : run(db as Tx);
}
