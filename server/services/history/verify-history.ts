// Recomputes a proposal's version hash chain without ever holding much of it: texts can be
// megabytes each and a history hundreds of versions long (3 verifies × 300 versions × 3.9 MB once
// took 3.6 GB of heap and froze the process for 13 s). So sizes are listed first, texts are read a
// few at a time within a row and a byte budget, hashed and dropped; the event loop gets a turn
// between pages; and only a few verifies run at once per process.
import type { Db } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";
import { verifyChain, type ChainReport } from "../../../lib/domain/version-chain.ts";
import { BoundedSemaphore } from "../../../lib/semaphore.ts";
import { pagesBySize } from "../../../lib/size-pages.ts";
import { authorize } from "../authorize.ts";

/** Versions whose texts one query reads: keeps each query short even when texts are tiny. */
export const VERIFY_PAGE_ROWS = 10;
/**
 * UTF-8 bytes of text one query reads; a single longer text is read alone. About the longest text
 * seen (3.9 MB), so a page of it costs tens of ms of the event loop; in memory a JS string takes
 * at most twice its UTF-8 size, plus one canonical copy of the row being hashed. (A text rewritten
 * between listing sizes and reading it can exceed this by its growth: tampering, not normal use.)
 */
export const VERIFY_PAGE_BYTES = 4 * 1024 * 1024;
/** Versions whose sizes one query lists: a number and a length each, a few bytes per row. */
const SIZE_LIST_ROWS = 1000;
/** Verifies running at once per process: bounds memory to this × the page budget. */
export const MAX_CONCURRENT_VERIFIES = 2;
/** Verifies waiting for a turn; beyond this a caller is told "busy" rather than joining a queue that only grows. */
export const MAX_WAITING_VERIFIES = 16;

const gate = new BoundedSemaphore(MAX_CONCURRENT_VERIFIES, MAX_WAITING_VERIFIES);

/** A version's fields the hash covers, and its hash: what recomputing a link reads (also the outcome record). */
export const chainSelect = {
  proposalId: true,
  number: true,
  kind: true,
  label: true,
  text: true,
  contributors: true,
  authorId: true,
  createdAt: true,
  stateSha256: true,
  prevHash: true,
  hash: true,
} as const;

/** Recomputes every hash of the proposal's version chain; reports the first broken link. */
export async function verifyHistory(opts: { db: Db; userId: string | null; proposalId: string }): Promise<ChainReport> {
  await authorize({ db: opts.db, userId: opts.userId, action: "history.view", proposalId: opts.proposalId });
  const turn = gate.enter();
  if (!turn) throw new AppError("BUSY");
  const leave = await turn;
  try {
    return await verifyInPages(opts.db, opts.proposalId);
  } finally {
    leave();
  }
}

async function verifyInPages(db: Db, proposalId: string): Promise<ChainReport> {
  let checked = 0;
  // The last verified version, which the next page's first version must link to.
  let carried: { number: number; hash: string } | null = null;
  // Where the size listing goes on; it moves even if a listed row vanished before it was read.
  let listedUpTo = 0;
  for (;;) {
    const sizes = await listTextSizes(db, proposalId, listedUpTo);
    if (sizes.length === 0) return { isIntact: true, checked };
    listedUpTo = sizes.at(-1)!.number;
    for (const page of pagesBySize(sizes, { maxRows: VERIFY_PAGE_ROWS, maxBytes: VERIFY_PAGE_BYTES })) {
      // A range of numbers, not a list of them: a version missing from it shows up as a gap.
      const rows = await db.version.findMany({
        where: { proposalId, number: { gte: page[0]!.number, lte: page.at(-1)!.number } },
        orderBy: { number: "asc" },
        take: page.length,
        select: chainSelect,
      });
      const report = verifyChain(
        rows.map((r) => ({ ...r, contributors: JSON.parse(r.contributors) as string[] })),
        carried,
      );
      if (!report.isIntact) return { ...report, checked: checked + report.checked };
      checked += rows.length;
      const last = rows.at(-1);
      if (last) carried = { number: last.number, hash: last.hash };
      // Queries may resolve without giving timers and sockets a turn; a long verify must not
      // starve the rest of the process between pages.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

/** Numbers and text sizes (UTF-8 bytes) of the versions after `after`, oldest first. */
async function listTextSizes(db: Db, proposalId: string, after: number): Promise<Array<{ number: number; bytes: number }>> {
  // Raw SQL because Prisma cannot select a column's length; octet_length is the same function on
  // SQLite (3.43+) and PostgreSQL. Rows are numbers only, never texts.
  const rows = await db.$queryRaw<Array<{ number: number | bigint; bytes: number | bigint | null }>>`
    SELECT "number", octet_length("text") AS "bytes" FROM "Version"
    WHERE "proposalId" = ${proposalId} AND "number" > ${after}
    ORDER BY "number" ASC LIMIT ${SIZE_LIST_ROWS}`;
  return rows.map((r) => ({ number: Number(r.number), bytes: Number(r.bytes ?? 0) }));
}
