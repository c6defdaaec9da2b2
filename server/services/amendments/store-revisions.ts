// The typing path's write (server/realtime/amendment-revisions.ts): revisions of their authors'
// own open amendments, many in one transaction (group commit). Each is conditional — the
// proposal still DRAFTING, the amendment still OPEN and still the caller's — so a revision
// authorized from a room's memory can never overwrite a decision, a lock or someone else's
// amendment: those come back refused, and nothing of them is stored.
//
// On SQLite the writes go through a better-sqlite3 connection of their own with prepared
// statements, as the document journal's (document-store/journal-sinks.ts): through Prisma a
// batch cost ~0.35 ms of CPU per statement, which at 50 puts a second was most of what typing
// an amendment cost beyond typing the text. Elsewhere (PostgreSQL) Prisma writes them.
import Database from "better-sqlite3";
import type { Db } from "../../../lib/db.ts";
import { asBytes } from "../../../lib/bytes.ts";

export type Revision = {
  amendmentId: string;
  proposalId: string;
  /** The caller: only the amendment's author may revise it. */
  authorId: string;
  from: Uint8Array;
  to: Uint8Array;
  passage: string;
  insert: string;
  /** The words differ from what the room was shown before: stances taken before `at` were on other words. */
  isNewWording: boolean;
  /** When the revision was relayed to the room. */
  at: Date;
};

export type RevisionOutcome = "STORED" | "NOT_OPEN" | "WRONG_STATE";

export type RevisionStore = {
  /** Stores the revisions in one transaction, in order; the outcome of each. */
  write(revisions: readonly Revision[]): Promise<RevisionOutcome[]>;
  close(): void;
};

/** SQLite files get their own connection; any other database goes through Prisma. */
export function revisionStoreFor(db: Db, databaseUrl: string | undefined): RevisionStore {
  return databaseUrl?.startsWith("file:") ? sqliteRevisionStore(databaseUrl) : prismaRevisionStore(db);
}

export function prismaRevisionStore(db: Db): RevisionStore {
  return { write: (revisions) => storeRevisions(db, revisions), close() {} };
}

/** Prisma stores SQLite DateTimes as ISO text with an explicit offset; written and compared the same. */
function prismaDateTime(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

const bytes = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export function sqliteRevisionStore(fileUrl: string): RevisionStore {
  // No busy timeout: better-sqlite3 would sleep on the main thread while another connection holds
  // the write lock. A locked write fails at once (SQLITE_BUSY) and the writer retries it later.
  const conn = new Database(fileUrl.replace(/^file:/, ""), { timeout: 0 });
  conn.pragma("busy_timeout = 0");
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL");
  conn.pragma("foreign_keys = ON");
  const stateOf = conn.prepare(`SELECT "state" FROM "Proposal" WHERE "id" = ?`).pluck();
  const update = conn.prepare(
    `UPDATE "Amendment" SET "anchorFrom" = ?, "anchorTo" = ?, "passage" = ?, "insertText" = ?, "updatedAt" = ?
     WHERE "id" = ? AND "proposalId" = ? AND "authorId" = ? AND "status" = 'OPEN'`,
  );
  const clearStances = conn.prepare(`DELETE FROM "AmendmentStance" WHERE "amendmentId" = ? AND "updatedAt" < ?`);
  // IMMEDIATE: the write lock from the start, so the state read and the writes see one moment.
  const writeAll = conn.transaction((revisions: readonly Revision[], now: string): RevisionOutcome[] => {
    const isDrafting = new Map<string, boolean>();
    return revisions.map((r) => {
      let drafting = isDrafting.get(r.proposalId);
      if (drafting === undefined) isDrafting.set(r.proposalId, (drafting = stateOf.get(r.proposalId) === "DRAFTING"));
      if (!drafting) return "WRONG_STATE";
      const { changes } = update.run(bytes(r.from), bytes(r.to), r.passage, r.insert, now, r.amendmentId, r.proposalId, r.authorId);
      if (changes === 0) return "NOT_OPEN";
      if (r.isNewWording) clearStances.run(r.amendmentId, prismaDateTime(r.at));
      return "STORED";
    });
  });
  return {
    write: async (revisions) => (revisions.length === 0 ? [] : writeAll.immediate(revisions, prismaDateTime(new Date()))),
    close: () => conn.close(),
  };
}

/** Stores the revisions in one transaction, in order; the outcome of each (through Prisma). */
export async function storeRevisions(db: Db, revisions: readonly Revision[]): Promise<RevisionOutcome[]> {
  if (revisions.length === 0) return [];
  return db.$transaction(async (tx) => {
    // Read in the writing transaction: a lock or a vote that committed meanwhile wins.
    const proposalIds = [...new Set(revisions.map((r) => r.proposalId))];
    const drafting = await tx.proposal.findMany({ where: { id: { in: proposalIds }, state: "DRAFTING" }, select: { id: true } });
    const isDrafting = new Set(drafting.map((p) => p.id));
    const outcomes: RevisionOutcome[] = [];
    for (const r of revisions) {
      if (!isDrafting.has(r.proposalId)) {
        outcomes.push("WRONG_STATE");
        continue;
      }
      const { count } = await tx.amendment.updateMany({
        where: { id: r.amendmentId, proposalId: r.proposalId, authorId: r.authorId, status: "OPEN" },
        data: { anchorFrom: asBytes(r.from), anchorTo: asBytes(r.to), passage: r.passage, insertText: r.insert },
      });
      if (count === 0) {
        outcomes.push("NOT_OPEN");
        continue;
      }
      // Support or objection was to the words as they were (put-amendment.ts does the same);
      // a stance taken after the new words were shown stays.
      if (r.isNewWording) await tx.amendmentStance.deleteMany({ where: { amendmentId: r.amendmentId, updatedAt: { lt: r.at } } });
      outcomes.push("STORED");
    }
    return outcomes;
  });
}
