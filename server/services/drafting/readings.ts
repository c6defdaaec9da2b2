// The chair's reading: paragraph by paragraph from the first, next and previous, then a summary
// of what changed status while it ran. One reading at a time per proposal.
import type { Db, Tx } from "../../../lib/db.ts";
import { mayRunReading, readingChanges, stepReading } from "../../../lib/domain/drafting.ts";
import type { ClauseStatus } from "../../../lib/domain/vocabulary.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { announce } from "./announce.ts";
import { readingView } from "./drafting-views.ts";
import { enforce, type DraftingDeps } from "./load-drafting.ts";
import { ACCESS_TABLE } from "../../../lib/domain/access.ts";

async function chair(opts: DraftingDeps) {
  const { membership, proposal } = await authorize({ db: opts.db, userId: opts.userId, action: "reading.run", proposalId: opts.proposalId });
  enforce(mayRunReading(membership.role, proposal!.state));
  return { membership, workshopId: proposal!.workshopId };
}

async function statusesNow(db: Db | Tx, proposalId: string): Promise<Record<string, ClauseStatus>> {
  const rows = await db.clauseState.findMany({ where: { proposalId }, select: { clauseKey: true, status: true } });
  return Object.fromEntries(rows.map((r) => [r.clauseKey, r.status]));
}

function activeReading(db: Db | Tx, proposalId: string) {
  return db.reading.findFirst({ where: { proposalId, endedAt: null }, orderBy: { startedAt: "desc" } });
}

/** Starts a reading at the first paragraph; one already running is answered, not doubled. */
export async function startReading(opts: DraftingDeps) {
  const { db, rooms, proposalId } = opts;
  const { membership, workshopId } = await chair(opts);
  const { keys } = await rooms.readParagraphs(proposalId);
  const { row, started } = await db.$transaction(async (tx) => {
    await assertStill(tx, proposalId);
    const running = await activeReading(tx, proposalId);
    if (running) return { row: running, started: false };
    const created = await tx.reading.create({
      data: { proposalId, startedById: membership.userId, currentKey: keys[0] ?? null, startStatuses: JSON.stringify(await statusesNow(tx, proposalId)), startedAt: opts.now ?? new Date() },
    });
    await recordAudit(tx, { workshopId, proposalId, actorId: membership.userId, action: "reading.start", detail: { readingId: created.id, paragraphs: keys.length } });
    return { row: created, started: true };
  });
  const view = readingView(row);
  if (started) await announce(opts, workshopId, { reading: view });
  return { reading: view };
}

/** The next or previous paragraph of the reading in progress (in the text as it is now). */
export async function moveReading(opts: DraftingDeps & { direction: "next" | "previous" }) {
  const { db, rooms, proposalId } = opts;
  const { workshopId } = await chair(opts);
  const { keys } = await rooms.readParagraphs(proposalId);
  const row = await db.$transaction(async (tx) => {
    await assertStill(tx, proposalId);
    const running = await activeReading(tx, proposalId);
    if (!running) throw new AppError("NO_READING");
    const currentKey = stepReading(keys, running.currentKey, opts.direction);
    return tx.reading.update({ where: { id: running.id }, data: { currentKey } });
  });
  const view = readingView(row);
  await announce(opts, workshopId, { reading: view });
  return { reading: view };
}

/** Ends the reading in progress; its summary (what changed status, in text order) is stored with it. */
export async function endReading(opts: DraftingDeps) {
  const { db, rooms, proposalId } = opts;
  const { membership, workshopId } = await chair(opts);
  const { keys } = await rooms.readParagraphs(proposalId);
  const row = await db.$transaction(async (tx) => {
    await assertStill(tx, proposalId);
    const running = await activeReading(tx, proposalId);
    if (!running) throw new AppError("NO_READING");
    const before = JSON.parse(running.startStatuses) as Record<string, ClauseStatus>;
    const changes = readingChanges(keys, before, await statusesNow(tx, proposalId));
    const ended = await tx.reading.update({ where: { id: running.id }, data: { endedAt: opts.now ?? new Date(), summary: JSON.stringify(changes) } });
    await recordAudit(tx, { workshopId, proposalId, actorId: membership.userId, action: "reading.end", detail: { readingId: running.id, changes } });
    return ended;
  });
  const view = readingView(row);
  await announce(opts, workshopId, { reading: view });
  return { reading: view };
}

async function assertStill(tx: Tx, proposalId: string): Promise<void> {
  const p = await tx.proposal.findUnique({ where: { id: proposalId }, select: { state: true } });
  if (!p || !(ACCESS_TABLE["reading.run"].states as readonly string[]).includes(p.state)) throw new AppError("WRONG_STATE");
}
