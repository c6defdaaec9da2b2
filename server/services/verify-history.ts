import type { Db } from "../../lib/db.ts";
import { verifyChain, type ChainReport } from "../../lib/domain/version-chain.ts";
import { authorize } from "./authorize.ts";

/** Read in pages so a history of thousands of long texts never sits in memory at once. */
const VERIFY_PAGE = 500;

/** Recomputes every hash of the proposal's version chain; reports the first broken link. */
export async function verifyHistory(opts: { db: Db; userId: string | null; proposalId: string }): Promise<ChainReport> {
  await authorize({ db: opts.db, userId: opts.userId, action: "history.view", proposalId: opts.proposalId });
  let checked = 0;
  let carried: { number: number; hash: string } | null = null;
  for (;;) {
    const rows: Array<{ proposalId: string; number: number; kind: "AUTO" | "NAMED" | "VOTE" | "RESTORE"; label: string | null; text: string; contributors: string; authorId: string | null; createdAt: Date; stateSha256: string; prevHash: string | null; hash: string }> = await opts.db.version.findMany({
      where: { proposalId: opts.proposalId, number: { gt: carried?.number ?? 0 } },
      orderBy: { number: "asc" },
      take: VERIFY_PAGE,
      select: { proposalId: true, number: true, kind: true, label: true, text: true, contributors: true, authorId: true, createdAt: true, stateSha256: true, prevHash: true, hash: true },
    });
    if (rows.length === 0) return { isIntact: true, checked };
    const page = rows.map((r) => ({ ...r, contributors: JSON.parse(r.contributors) as string[] }));
    // Each page continues from the last version of the page before it.
    const report = verifyChain(page, carried);
    if (!report.isIntact) return { ...report, checked: checked + report.checked };
    checked += page.length;
    const last = page.at(-1)!;
    carried = { number: last.number, hash: last.hash };
  }
}
