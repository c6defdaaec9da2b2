import { z } from "zod";
import type { Db } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";
import type { LiveDocuments } from "../live-documents.ts";
import { authorize } from "../authorize.ts";

export const VersionLabel = z.string().trim().min(1, "Give the version a name.").max(120, "Keep the name under 120 characters.");

/** The chair saves the live text as a named version ("Chair's text Rev.1"). */
export async function saveNamedVersion(opts: { db: Db; rooms: LiveDocuments; userId: string | null; proposalId: string; label: string }) {
  const { membership } = await authorize({ db: opts.db, userId: opts.userId, action: "version.create", proposalId: opts.proposalId });
  const label = VersionLabel.safeParse(opts.label);
  if (!label.success) throw new AppError("INVALID_INPUT", label.error.issues[0]?.message);
  const version = await opts.rooms.cutVersionNow(opts.proposalId, { kind: "NAMED", label: label.data, authorId: membership.userId });
  return version!;
}
