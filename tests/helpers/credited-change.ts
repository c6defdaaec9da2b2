// A server-made change (an accepted amendment, an agreed option) is one journal row whose row and
// Yjs client belong to the words' author and delegation, not to the chair who decided.
import { expect } from "vitest";
import type { Db } from "../../lib/db";

export async function expectOneChangeCreditedTo(db: Db, proposalId: string, rowsBefore: number, to: { userId: string; delegationId: string }): Promise<void> {
  const rows = await db.documentUpdate.findMany({ where: { proposalId }, orderBy: { id: "asc" } });
  expect(rows.length).toBe(rowsBefore + 1);
  expect(rows.at(-1)).toMatchObject(to);
  const owner = await db.documentClient.findFirstOrThrow({ where: { proposalId, clientId: rows.at(-1)!.clientId! } });
  expect(owner).toMatchObject(to);
}
