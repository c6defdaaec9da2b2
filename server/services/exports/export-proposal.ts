// "Download": a proposal's live text or one of its versions as Word, PDF or Markdown, and
// "Download redline": a Compare between two versions as tracked changes. The access table
// decides who may read (every member, observers too: the same as reading the text or its
// history); delegation-only comment threads go only to that delegation's members, and only
// when they ask. Files are laid out in the export worker, never on the event loop.
import type { Db } from "../../../lib/db.ts";
import { docFromState, pmJsonOf, plainTextOf } from "../../../lib/document/convert.ts";
import { sha256Hex } from "../../../lib/domain/version-chain.ts";
import { AppError } from "../../../lib/errors.ts";
import { contentDisposition, exportFileName, type FileName } from "../../../lib/export/file-name.ts";
import { blocksOfDoc } from "../../../lib/export/from-yjs.ts";
import type { ExportDoc, ExportMeta, PaperSize } from "../../../lib/export/model.ts";
import { redlineBlocks } from "../../../lib/export/redline.ts";
import { CONTENT_TYPES, type ExportFormat } from "../../../lib/export/formats.ts";
import { renderOffThread } from "../../compute/export-pool.ts";
import { loadDocumentState } from "../../document-store/load-document.ts";
import { contentOf, contentSelect, docOfContent } from "../history/version-store.ts";
import { parseOpenAmendments } from "../amendments/open-amendments.ts";
import { authorize } from "../authorize.ts";
import { compareVersions } from "../history/compare-versions.ts";
import { exportTranslator } from "./export-words.ts";
import { delegationLabels, overlaysFor } from "./text-overlays.ts";

export type ExportFile = { file: FileName; contentType: string; bytes: Uint8Array };

/** The headers a download is answered with (thin routes only add the status). */
export function downloadHeaders(f: ExportFile): Record<string, string> {
  return {
    "Content-Type": f.contentType,
    "Content-Disposition": contentDisposition(f.file),
    "Content-Length": String(f.bytes.byteLength),
    // Private to the reader (comments may be their delegation's own): never cached in between.
    "Cache-Control": "private, no-store",
  };
}

async function titles(db: Db, proposalId: string) {
  const p = await db.proposal.findUnique({ where: { id: proposalId }, select: { title: true, workshopId: true, workshop: { select: { title: true, timeZone: true } } } });
  if (!p) throw new AppError("NOT_FOUND");
  return { proposal: p.title, workshopId: p.workshopId, workshop: p.workshop.title, timeZone: p.workshop.timeZone };
}

async function render(doc: ExportDoc, format: ExportFormat, paper: PaperSize, name: string[]): Promise<ExportFile> {
  const bytes = await renderOffThread({ format, paper, doc });
  return { file: exportFileName(name, format), contentType: CONTENT_TYPES[format], bytes };
}

export async function exportProposal(opts: {
  db: Db;
  userId: string | null;
  proposalId: string;
  /** A version's number, or null for the live text. */
  version: number | null;
  format: ExportFormat;
  paper: PaperSize;
  /** The reader's own delegation's internal threads as well (asked for explicitly). */
  withDelegationComments: boolean;
  /** The reader's interface language, for the words around the text (English when absent). */
  locale?: string;
}): Promise<ExportFile> {
  const { db, proposalId } = opts;
  const t = exportTranslator(opts.locale);
  const { membership } = await authorize({ db, userId: opts.userId, action: opts.version === null ? "proposal.view" : "history.view", proposalId });
  const names = await titles(db, proposalId);
  let doc;
  let meta: ExportMeta;
  let at: Date | null = null;
  let amendmentIds: string[] | null = null;
  if (opts.version === null) {
    const { state } = await loadDocumentState({ db, proposalId });
    doc = docFromState(state);
    const text = plainTextOf(pmJsonOf(doc));
    const now = new Date().toISOString();
    meta = { workshop: names.workshop, title: names.proposal, subtitle: t("liveText"), version: null, date: now, timeZone: names.timeZone, hashLabel: t("textHash"), sha256: sha256Hex(text), locale: t.locale, words: t.words };
  } else {
    const v = await db.version.findUnique({
      where: { proposalId_number: { proposalId, number: opts.version } },
      select: { ...contentSelect, kind: true, label: true, hash: true, createdAt: true, openAmendments: true },
    });
    if (!v) throw new AppError("NOT_FOUND");
    doc = docOfContent(await contentOf(db, proposalId, v));
    at = v.createdAt;
    amendmentIds = parseOpenAmendments(v.openAmendments).map((a) => a.id);
    const kind = t(`kind.${v.kind}`);
    meta = {
      workshop: names.workshop,
      title: names.proposal,
      subtitle: v.label ? t("versionSubtitleNamed", { number: v.number, kind, label: v.label }) : t("versionSubtitle", { number: v.number, kind }),
      version: v.number,
      date: v.createdAt.toISOString(),
      timeZone: names.timeZone,
      hashLabel: t("versionHash"),
      sha256: v.hash,
      locale: t.locale,
      words: t.words,
    };
  }
  try {
    const viewer = { userId: membership.userId, role: membership.role, delegationId: membership.delegationId };
    const { overlays, comments } = await overlaysFor({ db, proposalId, workshopId: names.workshopId, doc, viewer, at, amendmentIds, withDelegationComments: opts.withDelegationComments, t });
    // Markdown is the clean text: no tracked changes, no comments (brackets stay: they are the text's state).
    const shown = opts.format === "md" ? overlays.filter((o) => o.kind === "bracket") : overlays;
    const exportDoc: ExportDoc = { meta, blocks: blocksOfDoc(doc, shown), comments: opts.format === "md" ? [] : comments };
    return await render(exportDoc, opts.format, opts.paper, [names.workshop, names.proposal, opts.version === null ? "live" : `v${opts.version}`]);
  } finally {
    doc.destroy();
  }
}

export async function exportRedline(opts: {
  db: Db;
  userId: string | null;
  proposalId: string;
  from: number;
  to: number;
  format: Exclude<ExportFormat, "md">;
  paper: PaperSize;
  locale?: string;
}): Promise<ExportFile> {
  const { db, proposalId } = opts;
  const tr = exportTranslator(opts.locale);
  // compareVersions authorizes (history.view) and runs the diff in its worker.
  const compared = await compareVersions({ db, userId: opts.userId, proposalId, from: opts.from, to: opts.to });
  const t = await titles(db, proposalId);
  const to = await db.version.findUnique({ where: { proposalId_number: { proposalId, number: opts.to } }, select: { hash: true } });
  if (!to) throw new AppError("NOT_FOUND");
  const names = await delegationLabels(db, t.workshopId);
  const blocks = redlineBlocks(compared.parts, {
    authorName: (id) => (id ? (names.get(id) ?? tr("formerDelegation")) : tr("unattributed")),
    deletedBy: tr("compareAuthor", { from: opts.from, to: opts.to }),
    date: compared.to.createdAt,
  });
  const meta: ExportMeta = {
    workshop: t.workshop,
    title: t.proposal,
    subtitle: compared.level === "word" ? tr("redline", { from: opts.from, to: opts.to }) : tr("redlineCoarse", { from: opts.from, to: opts.to, level: compared.level }),
    version: null,
    date: compared.to.createdAt,
    timeZone: t.timeZone,
    hashLabel: tr("redlineHash", { to: opts.to }),
    sha256: to.hash,
    locale: tr.locale,
    words: tr.words,
  };
  return render({ meta, blocks, comments: [] }, opts.format, opts.paper, [t.workshop, t.proposal, `v${opts.from}-v${opts.to}`, "redline"]);
}
