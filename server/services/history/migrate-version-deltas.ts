// The one-time conversion of histories written before versions could be stored as deltas: every
// version that the storage rules (lib/domain/version-chain-storage.ts) would have stored as deltas
// is rewritten so, newest first, each against the one above it — exactly what cutting the versions
// one by one would have left. Texts, states and hashes do not change, only how rows hold them.
// Run by server/migrate.ts after the SQL migrations, once (DataMigration records it); safe to run
// again after an interruption (a row already stored as deltas is only read).
import type { Db } from "../../../lib/db.ts";
import { pagesBySize } from "../../../lib/size-pages.ts";
import { contentAbove, contentSelect, deltasFor, isWhole, wholeBytes, type VersionContent } from "./version-store.ts";

export const VERSION_DELTAS_MIGRATION = "version-deltas";

/** Rows one query lists the sizes of (numbers and sizes only). */
const SIZE_LIST_ROWS = 1000;
/** Rows, and stored bytes, one query reads: a long history of large texts is never held at once. */
const PAGE_ROWS = 64;
const PAGE_BYTES = 16 * 1024 * 1024;

export type DeltaMigrationReport = { proposals: number; versions: number; rewritten: number; bytesBefore: number; bytesAfter: number };

/** Converts every proposal's history unless done before; null when it was. */
export async function migrateVersionsToDeltas(db: Db): Promise<DeltaMigrationReport | null> {
  if (await db.dataMigration.findUnique({ where: { name: VERSION_DELTAS_MIGRATION } })) return null;
  const report: DeltaMigrationReport = { proposals: 0, versions: 0, rewritten: 0, bytesBefore: 0, bytesAfter: 0 };
  const proposals = await db.proposal.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  for (const { id } of proposals) {
    const r = await storeHistoryAsDeltas(db, id);
    report.proposals += r.versions > 0 ? 1 : 0;
    report.versions += r.versions;
    report.rewritten += r.rewritten;
    report.bytesBefore += r.bytesBefore;
    report.bytesAfter += r.bytesAfter;
  }
  await db.dataMigration.upsert({ where: { name: VERSION_DELTAS_MIGRATION }, create: { name: VERSION_DELTAS_MIGRATION }, update: {} });
  return report;
}

/** One proposal's history, newest first, keeping only the content of the version just above. */
export async function storeHistoryAsDeltas(db: Db, proposalId: string): Promise<Omit<DeltaMigrationReport, "proposals">> {
  const out = { versions: 0, rewritten: 0, bytesBefore: 0, bytesAfter: 0 };
  let above: { number: number; content: VersionContent } | null = null;
  let listedDownTo: number | null = null;
  for (;;) {
    const sizes = await listStoredSizes(db, proposalId, listedDownTo);
    if (sizes.length === 0) return out;
    listedDownTo = sizes.at(-1)!.number;
    for (const page of pagesBySize(sizes, { maxRows: PAGE_ROWS, maxBytes: PAGE_BYTES })) {
      const rows = await db.version.findMany({
        where: { proposalId, number: { lte: page[0]!.number, gte: page.at(-1)!.number } },
        orderBy: { number: "desc" },
        select: { id: true, ...contentSelect },
      });
      const updates = [];
      for (const row of rows) {
        const stored = wholeBytes(row) + (row.textDelta?.length ?? 0) + (row.stateDelta?.length ?? 0);
        out.versions++;
        out.bytesBefore += stored;
        let content: VersionContent | null = null;
        try {
          // A delta row is rebuilt only from the version right above it (a gap leaves it as it is).
          if (isWhole(row) || above?.number === row.number + 1) content = contentAbove(row, above?.content ?? null);
        } catch {
          // A state that does not inflate or a damaged delta: left exactly as stored.
        }
        const deltas = content && isWhole(row) && above ? await deltasFor({ number: row.number, storedBytes: wholeBytes(row), content }, above) : null;
        if (deltas) {
          updates.push(db.version.update({ where: { id: row.id }, data: { text: "", state: new Uint8Array(), ...deltas } }));
          out.rewritten++;
          out.bytesAfter += deltas.textDelta.length + deltas.stateDelta.length;
        } else {
          out.bytesAfter += stored;
        }
        above = content && { number: row.number, content };
      }
      if (updates.length > 0) await db.$transaction(updates);
      // Other nodes' migrations and this process's timers get a turn between pages.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

/** Numbers and stored sizes of the versions below `before` (all when null), newest first. */
async function listStoredSizes(db: Db, proposalId: string, before: number | null): Promise<Array<{ number: number; bytes: number }>> {
  const rows = await db.$queryRaw<Array<{ number: number | bigint; bytes: number | bigint | null }>>`
    SELECT "number", octet_length("text") + octet_length("state") + COALESCE(octet_length("textDelta"), 0) + COALESCE(octet_length("stateDelta"), 0) AS "bytes"
    FROM "Version"
    WHERE "proposalId" = ${proposalId} AND "number" < ${before ?? 2 ** 31 - 1}
    ORDER BY "number" DESC LIMIT ${SIZE_LIST_ROWS}`;
  return rows.map((r) => ({ number: Number(r.number), bytes: Number(r.bytes ?? 0) }));
}
