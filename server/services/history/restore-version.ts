import * as Y from "yjs";
import { updateYFragment } from "@tiptap/y-tiptap";
import type { Db } from "../../../lib/db.ts";
import { pmJsonOf } from "../../../lib/document/convert.ts";
import { DOC_FIELD, documentSchema } from "../../../lib/document/schema.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { cutVersion } from "./cut-version.ts";
import type { LiveDocuments } from "../live-documents.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { notifyProposal } from "../notifications/notify.ts";
import { docOfContent, readVersionContent } from "./version-store.ts";

/**
 * Makes the live text equal to an earlier version's, as one new change everyone sees live
 * (history is never rewritten). The change, its RESTORE version and the audit entry are one
 * unit: either all are stored and the room shows the restored text, or none is and nothing
 * changed.
 *
 * Agreed paragraphs are protected: a restore that would change any is refused
 * (RESTORE_CHANGES_AGREED, saying how many) unless the chair confirmed it (`confirmAgreed`);
 * then the audit entry records how many agreed paragraphs it changed.
 */
export async function restoreVersion(opts: {
  db: Db;
  rooms: LiveDocuments;
  live?: LiveNotifier;
  userId: string | null;
  proposalId: string;
  number: number;
  confirmAgreed?: boolean;
}) {
  const { membership, proposal } = await authorize({ db: opts.db, userId: opts.userId, action: "version.restore", proposalId: opts.proposalId });
  const source = await opts.db.version.findUnique({
    where: { proposalId_number: { proposalId: opts.proposalId, number: opts.number } },
    select: { number: true, label: true },
  });
  const content = source && (await readVersionContent(opts.db, opts.proposalId, source.number));
  if (!source || !content) throw new AppError("NOT_FOUND");
  const sourceDoc = docOfContent(content);
  const target = documentSchema().nodeFromJSON(pmJsonOf(sourceDoc));
  sourceDoc.destroy();
  const label = `Restored from version ${source.number}${source.label ? ` (${source.label})` : ""}`;

  const restored = await opts.rooms.applyServerChange(opts.proposalId, {
    author: { userId: membership.userId, delegationId: membership.delegationId },
    // Decided in `persist`, which is told exactly how many agreed paragraphs this very change
    // alters (worked out in the room's turn): unconfirmed, it throws and nothing is stored.
    allowAgreed: true,
    // Worked out on a copy with a client id of its own: the change is the chair's, attributable as such.
    makeChange(live) {
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(live));
      const before = Y.encodeStateVector(scratch);
      scratch.transact(() => updateYFragment(scratch, scratch.getXmlFragment(DOC_FIELD), target, { mapping: new Map(), isOMark: new Map() }));
      const change = { update: Y.encodeStateAsUpdate(scratch, before), clientId: scratch.clientID };
      scratch.destroy();
      return change;
    },
    async persist(tx, after) {
      if (after.agreedChanged > 0 && !opts.confirmAgreed) throw new AppError("RESTORE_CHANGES_AGREED", agreedMessage(after.agreedChanged));
      const version = await cutVersion(tx, {
        proposalId: opts.proposalId,
        workshopId: proposal!.workshopId,
        frozen: after.frozen,
        kind: "RESTORE",
        label,
        authorId: membership.userId,
        editors: after.editors,
        now: new Date(),
      });
      await recordAudit(tx, {
        workshopId: proposal!.workshopId,
        proposalId: opts.proposalId,
        actorId: membership.userId,
        action: "version.restore",
        detail: { from: source.number, to: version!.number, ...(after.agreedChanged > 0 ? { agreedChanged: after.agreedChanged } : {}) },
      });
      await notifyProposal(tx, { kind: "version.restore", proposalId: opts.proposalId, versionNumber: source.number, except: membership.userId });
      return version!;
    },
  });
  // The board's lastRestore changed: every open page of the text says which version came back.
  opts.live?.workshopChanged(proposal!.workshopId);
  return restored;
}

function agreedMessage(count: number): string {
  const paragraphs = count === 1 ? "1 agreed paragraph" : `${count} agreed paragraphs`;
  return `Restoring this version would change ${paragraphs}. Restore it anyway only if the room has agreed to reopen ${count === 1 ? "it" : "them"}.`;
}
