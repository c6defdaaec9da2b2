// Just enough of the live documents for a restore, with no server and no sockets: the live text
// is one document of the caller's, and a server change applies to it once persisted. Used where
// a use case is timed or checked on its own (the history bench, history migration tests).
import * as Y from "yjs";
import type { Db } from "../../lib/db.ts";
import { freezeText } from "../../server/services/history/cut-version.ts";
import type { LiveDocuments } from "../../server/services/live-documents.ts";

export function inProcessRoom(db: Db, doc: Y.Doc, opts: { workshopId: string; editors?: readonly string[] }): LiveDocuments {
  const refuse = () => Promise.reject(new Error("an in-process room only applies server changes"));
  return {
    readSpans: refuse,
    readParagraphs: refuse,
    cutVersionNow: refuse,
    freezeAndCut: refuse,
    async applyServerChange(_proposalId, o) {
      const change = o.makeChange(doc);
      const after = new Y.Doc();
      Y.applyUpdate(after, Y.encodeStateAsUpdate(doc));
      Y.applyUpdate(after, change.update);
      const result = await db.$transaction((tx) => o.persist(tx, { frozen: freezeText(after), workshopId: opts.workshopId, editors: new Set(opts.editors ?? []), agreedChanged: 0 }));
      Y.applyUpdate(doc, change.update);
      after.destroy();
      return result;
    },
  };
}
