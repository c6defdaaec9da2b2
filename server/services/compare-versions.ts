import type { Db } from "../../lib/db.ts";
import { authorRuns, textWithClients } from "../../lib/document/authorship.ts";
import { diffStats, diffTexts } from "../../lib/domain/text-diff.ts";
import { AppError } from "../../lib/errors.ts";
import { authorize } from "./authorize.ts";
import { docOfVersion } from "./version-state.ts";

/**
 * Word-level differences from version `from` to version `to`; every inserted span carries the
 * delegation whose Yjs client wrote it (from the authorship ledger).
 */
export async function compareVersions(opts: { db: Db; userId: string | null; proposalId: string; from: number; to: number }) {
  await authorize({ db: opts.db, userId: opts.userId, action: "history.view", proposalId: opts.proposalId });
  const rows = await opts.db.version.findMany({
    where: { proposalId: opts.proposalId, number: { in: [opts.from, opts.to] } },
    select: { number: true, text: true, state: true, label: true, kind: true, createdAt: true },
  });
  const from = rows.find((r) => r.number === opts.from);
  const to = rows.find((r) => r.number === opts.to);
  if (!from || !to) throw new AppError("NOT_FOUND");
  const doc = docOfVersion(to.state);
  const { text, runs } = textWithClients(doc);
  doc.destroy();
  const clients = await opts.db.documentClient.findMany({ where: { proposalId: opts.proposalId }, select: { clientId: true, delegationId: true } });
  const delegationOf = new Map(clients.map((c) => [Number(c.clientId), c.delegationId]));
  const parts = diffTexts(from.text, text, authorRuns(runs, (client) => delegationOf.get(client) ?? null));
  const describe = (v: typeof from) => ({ number: v.number, label: v.label, kind: v.kind, createdAt: v.createdAt.toISOString() });
  return { from: describe(from), to: describe(to), parts, stats: diffStats(parts) };
}
