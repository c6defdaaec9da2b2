import type { Db } from "../../../lib/db.ts";
import { pmJsonOf, stateFromPmJson } from "../../../lib/document/convert.ts";
import { AppError } from "../../../lib/errors.ts";
import { contentOf, contentSelect, docOfContent } from "../history/version-store.ts";
import { authorize } from "../authorize.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { insertProposal } from "./insert-proposal.ts";
import { MAX_PROPOSAL_TITLE_LENGTH, parseProposalDetails } from "./proposal-details.ts";

/** The new proposal's title until the chair edits it. */
export function duplicateTitle(title: string, versionNumber: number): string {
  const suffix = ` (new draft from version ${versionNumber})`;
  return title.slice(0, MAX_PROPOSAL_TITLE_LENGTH - suffix.length).trimEnd() + suffix;
}

/**
 * "Duplicate as new draft": a new proposal at the end of the agenda whose starting text is one
 * version's text, recording where it came from. Whoever may add proposals to the workshop and
 * read the source's history may do it; the source itself is left as it is.
 *
 * The text is rebuilt from the version's document rather than copying its Yjs state: the new
 * proposal starts with its own history (no tombstones of the old one) and its text is the
 * creator's starting draft, as for any new proposal — the origin is kept on the proposal instead.
 */
export async function duplicateAsNewDraft(opts: { db: Db; live: LiveNotifier; userId: string | null; proposalId: string; number: number; now: Date }) {
  const { proposal: source } = await authorize({ db: opts.db, userId: opts.userId, action: "history.view", proposalId: opts.proposalId });
  const { membership } = await authorize({ db: opts.db, userId: opts.userId, action: "proposal.create", workshopId: source!.workshopId });
  const [version, sourceProposal] = await Promise.all([
    opts.db.version.findUnique({ where: { proposalId_number: { proposalId: opts.proposalId, number: opts.number } }, select: contentSelect }),
    opts.db.proposal.findUniqueOrThrow({ where: { id: opts.proposalId }, select: { title: true, summary: true } }),
  ]);
  if (!version) throw new AppError("NOT_FOUND");
  const doc = docOfContent(await contentOf(opts.db, opts.proposalId, version));
  const state = stateFromPmJson(pmJsonOf(doc));
  doc.destroy();
  const details = parseProposalDetails({ title: duplicateTitle(sourceProposal.title, version.number), summary: sourceProposal.summary });
  const created = await insertProposal(opts.db, {
    workshopId: source!.workshopId,
    details,
    state,
    creator: membership,
    basedOn: { proposalId: opts.proposalId, versionNumber: version.number },
    origin: { source: "version", basedOnProposalId: opts.proposalId, basedOnTitle: sourceProposal.title, basedOnVersion: version.number },
    now: opts.now,
  });
  opts.live.workshopChanged(source!.workshopId);
  return { proposalId: created.id, workshopId: source!.workshopId };
}
