import type { Db } from "../../../lib/db.ts";
import { pmJsonOf } from "../../../lib/document/convert.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { contentOf, docOfContent } from "./version-store.ts";
import { parseOpenAmendments } from "../amendments/open-amendments.ts";

/** One version's text, as formatted document and as plain text. */
export async function getVersion(opts: { db: Db; userId: string | null; proposalId: string; number: number }) {
  await authorize({ db: opts.db, userId: opts.userId, action: "history.view", proposalId: opts.proposalId });
  const v = await opts.db.version.findUnique({ where: { proposalId_number: { proposalId: opts.proposalId, number: opts.number } } });
  if (!v) throw new AppError("NOT_FOUND");
  const { text, state } = await contentOf(opts.db, opts.proposalId, v);
  const doc = docOfContent({ text, state });
  const content = pmJsonOf(doc);
  doc.destroy();
  const author = v.authorId ? await opts.db.user.findUnique({ where: { id: v.authorId }, select: { name: true } }) : null;
  return {
    number: v.number,
    kind: v.kind,
    label: v.label,
    createdAt: v.createdAt.toISOString(),
    author: author?.name ?? null,
    contributors: JSON.parse(v.contributors) as string[],
    text,
    content,
    /** The amendments open when the version was cut, as they read then. */
    openAmendments: parseOpenAmendments(v.openAmendments),
  };
}
