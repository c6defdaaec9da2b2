import * as Y from "yjs";
import type { Db, Tx } from "../../../lib/db.ts";
import { applyReplacement, resolveSpan, textBlocks, type ResolvedSpan } from "../../../lib/document/anchors.ts";
import { ACCESS_TABLE } from "../../../lib/domain/access.ts";
import { mayDecide, supersededBy, type Span } from "../../../lib/domain/amendments.ts";
import { AppError } from "../../../lib/errors.ts";
import { IN_CHUNK_SIZE } from "../../../lib/db-chunks.ts";
import { authorize, type Membership } from "../authorize.ts";
import type { LiveDocuments, ServerChange, TextSnapshot } from "../live-documents.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { cutVersion } from "../history/cut-version.ts";
import { amendmentViews } from "./amendment-views.ts";
import { actorOf, assertStateStill, delegationSuffix, enforce, loadAmendment, type AmendmentRow } from "./load-amendment.ts";

type Deps = { db: Db; rooms: LiveDocuments; live: LiveNotifier; userId: string | null; proposalId: string; now: Date };
type Open = Pick<AmendmentRow, "id" | "anchorFrom" | "anchorTo">;
/** What one change accepts and overtakes, worked out on the live text in the room's turn. */
type Plan = { accepted: string[]; superseded: string[]; changedPassage: string[] };

/**
 * The chair accepts an open amendment into the agreed text. The change is made on the server's
 * replica as the proposing delegate's (its journal row and Yjs client are theirs, so history and
 * Compare credit the words to the delegation, not the chair), with an automatic version of the
 * text after it; open amendments competing for the same passage become SUPERSEDED, all in one
 * transaction, or nothing happens.
 */
export async function acceptAmendment(opts: Deps & { amendmentId: string }) {
  const { membership, proposal } = await authorize({ db: opts.db, userId: opts.userId, action: "amendment.accept", proposalId: opts.proposalId });
  const row = await loadAmendment(opts.db, opts.proposalId, opts.amendmentId);
  enforce(mayDecide(actorOf(membership), row, "ACCEPT", proposal!.state));
  const label = `Amendment accepted${await delegationSuffix(opts.db, row.delegationId)}`;
  return accept(opts, membership, proposal!.workshopId, [row], { label, requireAll: true });
}

/**
 * The chair accepts every open amendment of one delegation at once, in the order they appear in
 * the text; one that an earlier one overtook (they compete) is SUPERSEDED instead, and one whose
 * passage is gone stays open. One change, one version.
 */
export async function acceptAllFromDelegation(opts: Deps & { delegationId: string }) {
  const { membership, proposal } = await authorize({ db: opts.db, userId: opts.userId, action: "amendment.accept", proposalId: opts.proposalId });
  const delegation = await opts.db.delegation.findFirst({ where: { id: opts.delegationId, workshopId: proposal!.workshopId }, select: { code: true } });
  if (!delegation) throw new AppError("NOT_FOUND");
  const rows = await opts.db.amendment.findMany({ where: { proposalId: opts.proposalId, delegationId: opts.delegationId, status: "OPEN" }, orderBy: { createdAt: "asc" } });
  for (const row of rows) enforce(mayDecide(actorOf(membership), row, "ACCEPT", proposal!.state));
  if (rows.length === 0) return { amendments: [] };
  return accept(opts, membership, proposal!.workshopId, rows, { label: `Amendments accepted (${delegation.code}, all)`, requireAll: false });
}

async function accept(opts: Deps, chair: Membership, workshopId: string, batch: AmendmentRow[], how: { label: string; requireAll: boolean }) {
  const { db, proposalId, now } = opts;
  const open: Open[] = await db.amendment.findMany({ where: { proposalId, status: "OPEN" }, select: { id: true, anchorFrom: true, anchorTo: true } });
  let plan: Plan = { accepted: [], superseded: [], changedPassage: [] };
  // The words are the proposer's: a batch is one delegation's, credited to the author of its earliest.
  const proposer = { userId: batch[0]!.authorId, delegationId: batch[0]!.delegationId };
  await opts.rooms.applyServerChange(proposalId, {
    author: proposer,
    makeChange(live) {
      const made = planAndMake(live, batch, open);
      // Its passage was edited since: accepting would replace words nobody weighed.
      if (how.requireAll && made.plan.changedPassage.length > 0) throw new AppError("PASSAGE_CHANGED");
      // Its passage is gone from the text (deleted meanwhile): nothing to accept it into.
      if (made.plan.accepted.length === 0 || (how.requireAll && made.plan.accepted.length < batch.length)) throw new AppError("ANCHOR_NOT_FOUND");
      plan = made.plan;
      return made.change;
    },
    persist: (tx, after) => record(tx, after, { chair, workshopId, proposalId, now, plan, batch, label: how.label }),
  });
  const views = await amendmentViews(db, proposalId, [...plan.accepted, ...plan.superseded]);
  opts.live.amendmentsChanged(proposalId, views);
  return { amendments: views };
}

function toSpan(r: ResolvedSpan | null): Span | null {
  return r && { block: r.block, from: r.from, to: r.to };
}

/**
 * On the live text (read, never changed here): where each open amendment is now, which of the
 * batch are accepted in text order and which open ones they overtake; then the change itself,
 * made on a copy with a Yjs client id of its own.
 */
function planAndMake(live: Y.Doc, batch: AmendmentRow[], open: Open[]): { plan: Plan; change: ServerChange } {
  const spans = new Map(open.map((o) => [o.id, toSpan(resolveSpan(live, o.anchorFrom, o.anchorTo))]));
  const resolved = batch.flatMap((row) => {
    const r = resolveSpan(live, row.anchorFrom, row.anchorTo);
    return r ? [{ row, r }] : [];
  });
  // Text order: the block's place in the document, then where the passage starts in the block;
  // two starting at the same place keep the order they were proposed in (the batch's, a stable
  // sort). Only a batch walks the whole document; one amendment needs no order.
  if (resolved.length > 1) {
    const order = new Map(textBlocks(live).map((t, i) => [t, i]));
    resolved.sort((a, b) => (order.get(a.r.text) ?? 0) - (order.get(b.r.text) ?? 0) || a.r.from - b.r.from);
  }
  const accepted = new Set<string>();
  const overtaken = new Set<string>();
  const changedPassage: string[] = [];
  for (const { row, r } of resolved) {
    // Overtaken by one accepted before it in this batch: competing words are not both taken.
    if (overtaken.has(row.id)) continue;
    // The passage changed since it was proposed (open drafting went on): what was weighed is
    // not what would be replaced. Left open, for its author to revise.
    if (r.passage !== row.passage) {
      changedPassage.push(row.id);
      continue;
    }
    accepted.add(row.id);
    const stillOpen = open.filter((o) => !overtaken.has(o.id) && !accepted.has(o.id)).map((o) => ({ id: o.id, span: spans.get(o.id) ?? null }));
    for (const id of supersededBy({ id: row.id, span: toSpan(r)! }, stillOpen)) overtaken.add(id);
  }
  const plan: Plan = { accepted: [...accepted], superseded: [...overtaken], changedPassage };

  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(live));
  const before = Y.encodeStateVector(scratch);
  const byId = new Map(batch.map((row) => [row.id, row]));
  scratch.transact(() => {
    for (const id of plan.accepted) {
      const row = byId.get(id)!;
      // Planned on the same text a moment ago, so it resolves; if not, nothing is half-applied.
      if (!applyReplacement(scratch, row.anchorFrom, row.anchorTo, row.insertText)) throw new AppError("ANCHOR_NOT_FOUND");
    }
  });
  const change = { update: Y.encodeStateAsUpdate(scratch, before), clientId: scratch.clientID };
  scratch.destroy();
  return { plan, change };
}

type Decision = { chair: Membership; workshopId: string; proposalId: string; now: Date; plan: Plan; batch: AmendmentRow[]; label: string };

/** In the change's transaction: the decisions, their audit entries, and a version of the text after them. */
async function record(tx: Tx, after: TextSnapshot, r: Decision) {
  await assertStateStill(tx, r.proposalId, ACCESS_TABLE["amendment.accept"].states);
  const decided = { decidedById: r.chair.userId, decidedAt: r.now };
  const delegationOf = new Map(r.batch.map((row) => [row.id, row.delegationId]));
  for (const id of r.plan.accepted) {
    // Withdrawn or decided since it was read: the whole acceptance is refused, the text untouched.
    const { count } = await tx.amendment.updateMany({ where: { id, status: "OPEN" }, data: { status: "ACCEPTED", ...decided } });
    if (count === 0) throw new AppError("NOT_OPEN");
    await recordAudit(tx, { workshopId: r.workshopId, proposalId: r.proposalId, actorId: r.chair.userId, action: "amendment.accept", detail: { amendmentId: id, delegationId: delegationOf.get(id) ?? null } });
  }
  if (r.plan.superseded.length > 0) {
    // In chunks: one statement's bound parameters are limited (lib/db-chunks.ts).
    for (let i = 0; i < r.plan.superseded.length; i += IN_CHUNK_SIZE) {
      const chunk = r.plan.superseded.slice(i, i + IN_CHUNK_SIZE);
      await tx.amendment.updateMany({ where: { id: { in: chunk }, status: "OPEN" }, data: { status: "SUPERSEDED", ...decided } });
    }
    await recordAudit(tx, { workshopId: r.workshopId, proposalId: r.proposalId, actorId: r.chair.userId, action: "amendment.supersede", detail: { amendmentIds: r.plan.superseded, by: r.plan.accepted } });
  }
  // The accepted text gets a version of its own, so history shows it (and who wrote it) at once.
  await cutVersion(tx, { proposalId: r.proposalId, workshopId: r.workshopId, frozen: after.frozen, kind: "AUTO", label: r.label, authorId: r.chair.userId, editors: after.editors, now: r.now });
}
