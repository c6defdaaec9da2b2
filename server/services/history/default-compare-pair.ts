import type { Db } from "../../../lib/db.ts";
import { defaultComparePair, type ComparePair, type VersionText } from "../../../lib/domain/compare-pair.ts";
import { authorize } from "../authorize.ts";
import { textAbove, textOf, textSelect } from "./version-store.ts";

/** Texts read per step: the differing version is almost always among the first few. */
const BATCH = 8;
/** Past this many identical texts, stop reading and settle for the version just before. */
const MAX_SCANNED = 400;

/**
 * Compare's default pair: the newest version against the latest earlier one whose text
 * differs (lib/domain/compare-pair.ts). Reads texts a few at a time, newest first, keeping only
 * the newest and the current batch in memory: a long history of large texts is never loaded.
 * Rows stored as deltas are rebuilt on the way down, each from the text just above it.
 */
export async function findDefaultComparePair(opts: { db: Db; userId: string | null; proposalId: string }): Promise<ComparePair | null> {
  await authorize({ db: opts.db, userId: opts.userId, action: "history.view", proposalId: opts.proposalId });
  let above: VersionText | null = null;
  const read = async (before: number | null, take: number): Promise<VersionText[]> => {
    const rows = await opts.db.version.findMany({
      where: { proposalId: opts.proposalId, ...(before !== null ? { number: { lt: before } } : {}) },
      orderBy: { number: "desc" },
      take,
      select: textSelect,
    });
    const texts: VersionText[] = [];
    for (const row of rows) {
      const text = row.textDelta !== null && above?.number === row.number + 1 ? textAbove(row, above.text) : await textOf(opts.db, opts.proposalId, row);
      above = { number: row.number, text };
      texts.push(above);
    }
    return texts;
  };
  const [latest] = await read(null, 1);
  if (!latest) return null;
  let fallback: ComparePair | null = null;
  let before = latest.number;
  for (let scanned = 0; scanned < MAX_SCANNED; scanned += BATCH) {
    const batch: VersionText[] = await read(before, BATCH);
    const pair = defaultComparePair([latest, ...batch]);
    if (pair && !pair.isIdentical) return pair;
    fallback ??= pair;
    if (batch.length < BATCH) break;
    before = batch.at(-1)!.number;
  }
  return fallback;
}
