// What lies on a proposal's text at one moment, as export overlays (lib/export/from-yjs.ts): open
// amendments, open brackets with their options, and the comment threads the reader may see.
// "At one moment": a version's export shows what was open when it was cut, the live text's
// what is open now. Anchors are resolved against the document being exported, never trusted.
import type * as Y from "yjs";
import type { Db } from "../../../lib/db.ts";
import { resolveSpan } from "../../../lib/document/anchors.ts";
import { canSeeThread, MAX_COMMENTS_PER_THREAD, MAX_THREADS, type Viewer } from "../../../lib/domain/comments.ts";
import type { ExportComment } from "../../../lib/export/model.ts";
import type { Overlay } from "../../../lib/export/from-yjs.ts";
import { findManyInChunks } from "../../../lib/db-chunks.ts";
import type { ExportTranslator } from "./export-words.ts";

export type OverlayRequest = {
  db: Db;
  proposalId: string;
  /** The proposal's workshop (its delegations name the authors). */
  workshopId: string;
  doc: Y.Doc;
  viewer: Viewer;
  /** The moment: a version's time, or null for the live text (what is open now). */
  at: Date | null;
  /** Open amendments at that moment (a version keeps their ids; null: the ones open now). */
  amendmentIds: string[] | null;
  /** The reader's delegation-only threads too (only ever their own delegation's). */
  withDelegationComments: boolean;
  /** Words for who wrote what when the record no longer names them ("Chair", "A former member"). */
  t: ExportTranslator;
};

type Names = { delegation: (id: string | null) => string; user: (id: string) => string };

/** "Japan (JPN)" for each of the workshop's delegations: how exports name authors. */
export async function delegationLabels(db: Db, workshopId: string): Promise<Map<string, string>> {
  const delegations = await db.delegation.findMany({ where: { workshopId }, select: { id: true, name: true, code: true } });
  return new Map(delegations.map((d) => [d.id, `${d.name} (${d.code})`]));
}

async function namesOf(db: Db, workshopId: string, userIds: readonly string[], t: ExportTranslator): Promise<Names> {
  const [byDelegation, users] = await Promise.all([
    delegationLabels(db, workshopId),
    findManyInChunks(new Set(userIds), (ids) => db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })),
  ]);
  const byUser = new Map(users.map((u) => [u.id, u.name]));
  return {
    delegation: (id) => (id ? (byDelegation.get(id) ?? t("formerDelegation")) : t("chair")),
    user: (id) => byUser.get(id) ?? t("formerMember"),
  };
}

const openAt = (at: Date | null) => (at ? { createdAt: { lte: at }, OR: [{ resolvedAt: null }, { resolvedAt: { gt: at } }] } : { resolvedAt: null });

export async function overlaysFor(req: OverlayRequest): Promise<{ overlays: Overlay[]; comments: ExportComment[] }> {
  const { db, proposalId, doc, at } = req;
  const [amendments, brackets, threads] = await Promise.all([
    db.amendment.findMany({
      where: req.amendmentIds ? { proposalId, id: { in: req.amendmentIds } } : { proposalId, status: "OPEN" },
      select: { anchorFrom: true, anchorTo: true, insertText: true, delegationId: true, updatedAt: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.bracket.findMany({
      where: at ? { proposalId, ...openAt(at) } : { proposalId, status: "OPEN" },
      select: { anchorFrom: true, anchorTo: true, options: { where: at ? { createdAt: { lte: at } } : {}, select: { text: true }, orderBy: { createdAt: "asc" } } },
      orderBy: { createdAt: "asc" },
    }),
    db.commentThread.findMany({
      where: { proposalId, ...openAt(at) },
      select: {
        id: true, visibility: true, delegationId: true, authorId: true, anchorFrom: true, anchorTo: true, createdAt: true,
        comments: { where: at ? { createdAt: { lte: at } } : {}, select: { authorId: true, delegationId: true, body: true, createdAt: true }, orderBy: { createdAt: "asc" }, take: MAX_COMMENTS_PER_THREAD },
      },
      orderBy: { createdAt: "asc" },
      take: MAX_THREADS,
    }),
  ]);
  const visible = threads.filter(
    (t) => canSeeThread(req.viewer, t) && (t.visibility === "EVERYONE" || req.withDelegationComments) && t.comments.length > 0,
  );
  const names = await namesOf(db, req.workshopId, visible.flatMap((th) => th.comments.map((c) => c.authorId)), req.t);

  const overlays: Overlay[] = [];
  for (const a of amendments) {
    const span = resolveSpan(doc, a.anchorFrom, a.anchorTo);
    if (!span) continue;
    overlays.push({ kind: "replace", block: span.block, from: span.from, to: span.to, insert: a.insertText, author: names.delegation(a.delegationId), date: a.updatedAt.toISOString() });
  }
  for (const b of brackets) {
    const span = resolveSpan(doc, b.anchorFrom, b.anchorTo);
    if (span) overlays.push({ kind: "bracket", block: span.block, from: span.from, to: span.to, options: b.options.map((o) => o.text) });
  }
  const comments: ExportComment[] = [];
  for (const t of visible) {
    const span = resolveSpan(doc, t.anchorFrom, t.anchorTo);
    if (!span) continue;
    const id = comments.length + 1;
    const first = t.comments[0]!;
    const author = `${names.user(first.authorId)}, ${names.delegation(first.delegationId)}`;
    const initials = names.user(first.authorId).split(/\s+/).map((w) => [...w][0] ?? "").join("").slice(0, 3) || "A";
    comments.push({
      id,
      author,
      initials,
      date: t.createdAt.toISOString(),
      paragraphs: t.comments.map((c, i) => (i === 0 ? c.body : `${names.user(c.authorId)} (${names.delegation(c.delegationId)}): ${c.body}`)),
    });
    overlays.push({ kind: "comment", block: span.block, from: span.from, to: span.to, id });
  }
  return { overlays, comments };
}
