// Verifying an outcome record someone hands in: first the file's own hashes (lib/domain
// verifyRecord, which anyone may run — the file carries all it checks), then, for a caller who
// may read this workshop's outcome record here, that every version hash and chain head it names
// is the one stored in this database's history: a record re-sealed after tampering is intact in
// itself but not in history.
import type { Db } from "../../../lib/db.ts";
import { entryLabel, verifyRecord, type OutcomeRecord, type VerifyReport } from "../../../lib/domain/outcome-record.ts";
import { isAppError } from "../../../lib/errors.ts";
import { authorizeOutcomeView } from "./build-outcome-record.ts";
import { recordPool } from "../../compute/record-pool.ts";

export type NotInHistory = { intact: false; entry: number; proposal: string; reason: "not-in-history"; message: string };

export type OutcomeRecordCheck = (VerifyReport | NotInHistory) & {
  /** "checked": also compared with this database's history; "skipped": the file's own hashes only. */
  history: "checked" | "skipped";
  /**
   * Why it was skipped: the record is already broken in itself (BROKEN), or the caller may not
   * read this workshop's outcome record (signed out, not a member — or no such workshop here —
   * or an observer the chair has not allowed).
   */
  skipped?: "BROKEN" | "UNAUTHENTICATED" | "NOT_FOUND" | "FORBIDDEN";
};

/** (proposal, version number) pairs per query: two bound parameters each, far below SQLite's 999. */
const PAIRS_PER_QUERY = 200;

export async function verifyOutcomeRecordAgainstDb(opts: { db: Db; userId: string | null; record: unknown }): Promise<OutcomeRecordCheck> {
  const self = verifyRecord(opts.record);
  // Intact: the shape has been checked.
  return checkAgainstHistory({ db: opts.db, userId: opts.userId, self, record: self.intact ? (opts.record as OutcomeRecord) : null });
}

/**
 * A record handed in as text (the HTTP route): parsed and self-checked in the record worker (both
 * grow with the file, up to 50 MB), then compared with history here. Null: the text is not JSON.
 */
export async function verifyOutcomeRecordText(opts: { db: Db; userId: string | null; text: string }): Promise<OutcomeRecordCheck | null> {
  const checked = await recordPool().run(opts.text);
  if (checked.kind === "not-json") return null;
  return checkAgainstHistory({ db: opts.db, userId: opts.userId, self: checked.report, record: checked.record });
}

/**
 * The second half, for a record already self-checked (in the record worker, for files handed
 * in over HTTP): `record` may come without its texts — only numbers and hashes are compared.
 */
export async function checkAgainstHistory(opts: { db: Db; userId: string | null; self: VerifyReport; record: OutcomeRecord | null }): Promise<OutcomeRecordCheck> {
  const { self, record } = opts;
  if (!self.intact || !record) return { ...self, history: "skipped", skipped: "BROKEN" };
  try {
    await authorizeOutcomeView(opts.db, opts.userId, record.workshop.id);
  } catch (e) {
    if (isAppError(e) && (e.code === "UNAUTHENTICATED" || e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) return { ...self, history: "skipped", skipped: e.code };
    throw e;
  }
  const broken = await firstNotInHistory(opts.db, record);
  return { ...(broken ?? self), history: "checked" };
}

async function firstNotInHistory(db: Db, record: OutcomeRecord): Promise<NotInHistory | null> {
  const proposalIds = record.entries.map((e) => e.proposal.id);
  const known = new Set<string>();
  for (let i = 0; i < proposalIds.length; i += PAIRS_PER_QUERY) {
    const rows = await db.proposal.findMany({ where: { workshopId: record.workshop.id, id: { in: proposalIds.slice(i, i + PAIRS_PER_QUERY) } }, select: { id: true } });
    for (const r of rows) known.add(r.id);
  }
  // Every (proposal, number) the record names a hash for: the version, the voted one, the chain head.
  const named = record.entries.map((e) =>
    [
      e.version && { n: e.version.number, hash: e.version.hash, what: `version ${e.version.number}` },
      e.vote && { n: e.vote.versionNumber, hash: e.vote.versionHash, what: `the voted version ${e.vote.versionNumber}` },
      e.chainHead && { n: e.chainHead.number, hash: e.chainHead.hash, what: `the chain head (version ${e.chainHead.number})` },
    ].filter((x): x is { n: number; hash: string; what: string } => Boolean(x)),
  );
  const pairs = [...new Map(record.entries.flatMap((e, i) => named[i]!.map((x) => [`${e.proposal.id} ${x.n}`, { proposalId: e.proposal.id, number: x.n }] as const))).values()];
  const stored = new Map<string, string>();
  for (let i = 0; i < pairs.length; i += PAIRS_PER_QUERY) {
    // Numbers and hashes only: no text is read.
    const rows = await db.version.findMany({ where: { OR: pairs.slice(i, i + PAIRS_PER_QUERY) }, select: { proposalId: true, number: true, hash: true } });
    for (const r of rows) stored.set(`${r.proposalId} ${r.number}`, r.hash);
  }
  for (const [i, e] of record.entries.entries()) {
    const miss = (detail: string): NotInHistory => ({ intact: false, entry: i, proposal: e.proposal.title, reason: "not-in-history", message: `${entryLabel(i, e.proposal.title)}: ${detail}` });
    if (!known.has(e.proposal.id)) return miss("this proposal is not in this workshop's history here");
    for (const x of named[i]!) {
      const hash = stored.get(`${e.proposal.id} ${x.n}`);
      if (hash === undefined) return miss(`${x.what} is not in this proposal's history here`);
      if (hash !== x.hash) return miss(`the hash of ${x.what} is not the one in this proposal's history`);
    }
  }
  return null;
}
