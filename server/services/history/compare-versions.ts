import type { Db } from "../../../lib/db.ts";
import { authorRuns, textWithClients } from "../../../lib/document/authorship.ts";
import { AppError } from "../../../lib/errors.ts";
import { diffPool } from "../../compute/diff-pool.ts";
import { authorize } from "../authorize.ts";
import { timed } from "../../observability/operation-log.ts";
import { contentOf, contentSelect, docOfContent, textOf } from "./version-store.ts";

/**
 * Differences from version `from` to version `to`, word by word when the budget allows (else
 * paragraph by paragraph, else the whole text: `level` says which); every inserted span carries
 * the delegation whose Yjs client wrote it (from the authorship ledger). The diff itself runs in
 * a worker thread (server/compute/diff-pool.ts), never on the server's event loop.
 */
export async function compareVersions(opts: { db: Db; userId: string | null; proposalId: string; from: number; to: number }) {
  await authorize({ db: opts.db, userId: opts.userId, action: "history.view", proposalId: opts.proposalId });
  const rows = await opts.db.version.findMany({
    where: { proposalId: opts.proposalId, number: { in: [opts.from, opts.to] } },
    select: { ...contentSelect, label: true, kind: true, createdAt: true },
  });
  const from = rows.find((r) => r.number === opts.from);
  const to = rows.find((r) => r.number === opts.to);
  if (!from || !to) throw new AppError("NOT_FOUND");
  const [before, after] = await Promise.all([textOf(opts.db, opts.proposalId, from), contentOf(opts.db, opts.proposalId, to)]);
  const { text, runs } = timed("compare-prepare", opts.proposalId, () => {
    const doc = docOfContent(after);
    const read = textWithClients(doc);
    doc.destroy();
    return read;
  });
  const clients = await opts.db.documentClient.findMany({ where: { proposalId: opts.proposalId }, select: { clientId: true, delegationId: true } });
  const delegationOf = new Map(clients.map((c) => [Number(c.clientId), c.delegationId]));
  const afterRuns = authorRuns(runs, (client) => delegationOf.get(client) ?? null);
  const { level, parts, stats } = await diffPool().run({ before, after: text, afterRuns });
  const describe = (v: typeof from) => ({ number: v.number, label: v.label, kind: v.kind, createdAt: v.createdAt.toISOString() });
  return { from: describe(from), to: describe(to), level, parts, stats };
}
