import * as Y from "yjs";
import { updateYFragment } from "@tiptap/y-tiptap";
import type { Db } from "../../lib/db.ts";
import { pmJsonOf } from "../../lib/document/convert.ts";
import { DOC_FIELD, documentSchema } from "../../lib/document/schema.ts";
import { AppError } from "../../lib/errors.ts";
import type { RoomRegistry } from "../realtime/rooms.ts";
import { authorize } from "./authorize.ts";
import { recordAudit } from "./record-audit.ts";
import { docOfVersion } from "./version-state.ts";

/**
 * Makes the live text equal to an earlier version's, as one new change everyone sees live
 * (history is never rewritten), then records a RESTORE version.
 */
export async function restoreVersion(opts: { db: Db; rooms: RoomRegistry; userId: string | null; proposalId: string; number: number }) {
  const { membership, proposal } = await authorize({ db: opts.db, userId: opts.userId, action: "version.restore", proposalId: opts.proposalId });
  const source = await opts.db.version.findUnique({ where: { proposalId_number: { proposalId: opts.proposalId, number: opts.number } } });
  if (!source) throw new AppError("NOT_FOUND");
  const sourceDoc = docOfVersion(source.state);
  const target = documentSchema().nodeFromJSON(pmJsonOf(sourceDoc));
  sourceDoc.destroy();

  // Work on a copy with a client id of its own: the change is the chair's, attributable as such.
  const room = await opts.rooms.get(opts.proposalId);
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc));
  const before = Y.encodeStateVector(scratch);
  scratch.transact(() => updateYFragment(scratch, scratch.getXmlFragment(DOC_FIELD), target, { mapping: new Map(), isOMark: new Map() }));
  const update = Y.encodeStateAsUpdate(scratch, before);
  const clientId = scratch.clientID;
  scratch.destroy();

  await opts.rooms.applyServerChange(opts.proposalId, { update, userId: membership.userId, delegationId: membership.delegationId, clientId });
  const label = `Restored from version ${source.number}${source.label ? ` (${source.label})` : ""}`;
  const version = await opts.rooms.cutVersionNow(opts.proposalId, { kind: "RESTORE", label, authorId: membership.userId });
  await recordAudit(opts.db, {
    workshopId: proposal!.workshopId,
    proposalId: opts.proposalId,
    actorId: membership.userId,
    action: "version.restore",
    detail: { from: source.number, to: version?.number ?? null },
  });
  return version!;
}
