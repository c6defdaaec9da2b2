// Recomputes a proposal's version hash chain without ever holding much of it: texts can be
// megabytes each and a history hundreds of versions long (3 verifies × 300 versions × 3.9 MB once
// took 3.6 GB of heap and froze the process for 13 s). So sizes are listed first, texts are read a
// few at a time within a row and a byte budget, hashed and dropped; the event loop gets a turn
// between pages; and only a few verifies run at once per process.
import type { Db } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";
import { verifyLinks, versionHash, type ChainedVersion, type ChainLink, type ChainReport } from "../../../lib/domain/version-chain.ts";
import { BoundedSemaphore } from "../../../lib/semaphore.ts";
import { pagesBySize } from "../../../lib/size-pages.ts";
import { authorize } from "../authorize.ts";
import { textAbove } from "./version-store.ts";

/**
 * Whole texts one query reads: keeps each query short even when texts are tiny. Rows stored as
 * deltas come along with the whole version they are rebuilt from (at most KEYFRAME_EVERY − 1 each).
 */
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
  // Set when the text is stored as a delta against the next version (version-store.ts).
  textDelta: true,
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
  // Listed rows stored as deltas whose whole version above them is not listed yet.
  let waiting: Listed[] = [];
  for (;;) {
    const listed = await listTextSizes(db, proposalId, listedUpTo);
    if (listed.length === 0 && waiting.length === 0) return { isIntact: true, checked };
    if (listed.length > 0) listedUpTo = listed.at(-1)!.number;
    // Runs of rows ending at a whole one: a row stored as deltas is rebuilt from the rows above
    // it up to that whole one, so a run is read in one page. At the end of the history, rows left
    // waiting have nothing whole above them: they are checked as they are (and cannot match).
    const runs: Listed[][] = [];
    let run: Listed[] = [...waiting];
    for (const row of listed) {
      run.push(row);
      if (row.isWhole) {
        runs.push(run);
        run = [];
      }
    }
    waiting = listed.length > 0 ? run : [];
    if (listed.length === 0) runs.push(run);
    const sized = runs.map((rows) => ({ rows, bytes: rows.reduce((n, r) => n + r.bytes, 0) }));
    for (const page of pagesBySize(sized, { maxRows: VERIFY_PAGE_ROWS, maxBytes: VERIFY_PAGE_BYTES })) {
      const first = page[0]!.rows[0]!.number;
      const last = page.at(-1)!.rows.at(-1)!.number;
      // A range of numbers, not a list of them: a version missing from it shows up as a gap.
      const rows = await db.version.findMany({
        where: { proposalId, number: { gte: first, lte: last } },
        orderBy: { number: "desc" },
        select: chainSelect,
      });
      const report = verifyLinks(linksNewestFirst(rows), carried);
      if (!report.isIntact) return { ...report, checked: checked + report.checked };
      checked += rows.length;
      const newest = rows[0];
      if (newest) carried = { number: newest.number, hash: newest.hash };
      // Queries may resolve without giving timers and sockets a turn; a long verify must not
      // starve the rest of the process between pages.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

/** A row as `chainSelect` reads it. */
type ChainRow = Omit<ChainedVersion, "contributors"> & { contributors: string; hash: string; textDelta: Uint8Array | null };

/**
 * Each row's hash recomputed, newest first, rebuilding texts stored as deltas from the text just
 * above: only one text is held at a time. A text that cannot be rebuilt (its base is missing or
 * the delta is damaged) recomputes to null, which never matches. A row rebuilt from a text that did
 * not match is not judged on its own: the version reported is the one whose stored content changed,
 * not the older ones that merely depend on it.
 */
function linksNewestFirst(rows: readonly ChainRow[]): ChainLink[] {
  const links: ChainLink[] = [];
  let above: { number: number; text: string | null; isSound: boolean } | null = null;
  for (const r of rows) {
    let text: string | null = r.text;
    let dependsOnBroken = false;
    if (r.textDelta !== null) {
      text = null;
      if (above?.number === r.number + 1) {
        dependsOnBroken = !above.isSound;
        try {
          if (above.text !== null) text = textAbove(r, above.text);
        } catch {
          text = null;
        }
      }
    }
    const recomputed: string | null = dependsOnBroken ? r.hash : text === null ? null : versionHash({ ...r, text, contributors: JSON.parse(r.contributors) as string[] });
    above = { number: r.number, text, isSound: recomputed === r.hash && !dependsOnBroken };
    links.push({ number: r.number, prevHash: r.prevHash, hash: r.hash, recomputed: () => recomputed });
  }
  return links;
}

type Listed = { number: number; bytes: number; isWhole: boolean };

/** Numbers, stored text sizes (UTF-8 bytes, or the delta's) and whether whole, of the versions after `after`, oldest first. */
async function listTextSizes(db: Db, proposalId: string, after: number): Promise<Listed[]> {
  // Raw SQL because Prisma cannot select a column's length; octet_length is the same function on
  // SQLite (3.43+) and PostgreSQL. Rows are numbers only, never texts.
  const rows = await db.$queryRaw<Array<{ number: number | bigint; bytes: number | bigint | null; whole: number | bigint }>>`
    SELECT "number", octet_length("text") + COALESCE(octet_length("textDelta"), 0) AS "bytes",
      CASE WHEN "textDelta" IS NULL THEN 1 ELSE 0 END AS "whole"
    FROM "Version"
    WHERE "proposalId" = ${proposalId} AND "number" > ${after}
    ORDER BY "number" ASC LIMIT ${SIZE_LIST_ROWS}`;
  return rows.map((r) => ({ number: Number(r.number), bytes: Number(r.bytes ?? 0), isWhole: Number(r.whole) === 1 }));
}
