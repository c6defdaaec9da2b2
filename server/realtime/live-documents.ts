// The realtime side of LiveDocuments (server/services/live-documents.ts): versions of the live
// text and changes the server makes, each all-or-nothing, each describing durable text only.
import * as Y from "yjs";
import type { Db } from "../../lib/db.ts";
import { asBytes } from "../../lib/bytes.ts";
import type { ProposalState } from "../../lib/domain/access.ts";
import { AppError } from "../../lib/errors.ts";
import { cutVersion, freezeText } from "../services/history/cut-version.ts";
import type { CutOptions, LiveDocuments, TextSnapshot, Tx } from "../services/live-documents.ts";
import type { JournalWriter } from "../document-store/journal.ts";
import type { Room } from "./room.ts";
import { timed } from "../observability/operation-log.ts";
import { resolveSpan } from "../../lib/document/anchors.ts";
import { touchedUnitKeys } from "../../lib/document/clause-guard.ts";
import { paragraphKeys, unitKeyOfText } from "../../lib/document/clauses.ts";

/**
 * How long a version or a server change waits for the journal to store what the text already
 * holds. In an outage it fails with a clear "try again" instead of hanging the chair's page;
 * the text itself is not at risk (the journal keeps retrying).
 */
export const DURABLE_WAIT_MS = 10_000;

export type LiveDocumentsContext = {
  db: Db;
  journal: JournalWriter;
  room: (proposalId: string) => Promise<Room>;
  setState: (proposalId: string, state: ProposalState) => void;
};

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError("STORAGE_UNAVAILABLE")), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Another node may take the same version number first: the unique index says so; retry once. */
function retryOnceOnConflict<T>(run: () => Promise<T>): Promise<T> {
  return run().catch((e: unknown) => {
    if ((e as { code?: string }).code === "P2002") return run();
    throw e;
  });
}

type Snapshot = TextSnapshot & { lastEditAt: number; at: number };

function freeze(room: Room): Snapshot {
  return { frozen: timed("freeze-text", room.proposalId, () => freezeText(room.doc)), editors: new Set(room.editors), workshopId: room.workshopId, lastEditAt: room.lastEditAt, at: Date.now() };
}

/** The text as it is now, once everything in it is in the database. */
async function durableSnapshot(ctx: LiveDocumentsContext, room: Room): Promise<Snapshot> {
  // In the room's turn: no change is half-applied while the text is read.
  const snapshot = await room.serialize(() => freeze(room));
  // Every change in the snapshot was queued before this call, so this covers exactly them.
  await within(ctx.journal.drain(), DURABLE_WAIT_MS);
  return snapshot;
}

/** The version covers the editing up to the snapshot; editing since then awaits the next one. */
function coveredBy(room: Room, snapshot: Snapshot): void {
  for (const e of snapshot.editors) room.editors.delete(e);
  // Edits that came in while the version was being stored start the next interval.
  room.firstUnversionedEditAt = room.lastEditAt === snapshot.lastEditAt ? null : snapshot.at;
}

export function liveDocuments(ctx: LiveDocumentsContext): LiveDocuments {
  return {
    async readSpans(proposalId, anchors) {
      const room = await ctx.room(proposalId);
      return room.serialize(() =>
        anchors.map(({ from, to }) => {
          const span = resolveSpan(room.doc, from, to);
          return span && { block: span.block, from: span.from, to: span.to, passage: span.passage, clauseKey: unitKeyOfText(room.doc, span.text) };
        }),
      );
    },

    async readParagraphs(proposalId) {
      const room = await ctx.room(proposalId);
      return room.serialize(() => ({ keys: paragraphKeys(room.doc) }));
    },

    async cutVersionNow(proposalId: string, opts: CutOptions) {
      const room = await ctx.room(proposalId);
      room.isCuttingVersion = true;
      try {
        const snapshot = await durableSnapshot(ctx, room);
        const version = await retryOnceOnConflict(() =>
          cutVersion(ctx.db, { proposalId, workshopId: room.workshopId, frozen: snapshot.frozen, editors: snapshot.editors, now: new Date(), ...opts }),
        );
        coveredBy(room, snapshot);
        return version;
      } finally {
        room.isCuttingVersion = false;
      }
    },

    async freezeAndCut<T>(proposalId: string, frozenState: ProposalState, persist: (tx: Tx, text: TextSnapshot) => Promise<T>) {
      const room = await ctx.room(proposalId);
      const previous = room.state;
      // From here the room refuses edits (checked as each change's turn comes), so the text
      // persisted below is exactly the frozen one.
      ctx.setState(proposalId, frozenState);
      try {
        const snapshot = await durableSnapshot(ctx, room);
        const result = await ctx.db.$transaction((tx) => persist(tx, snapshot));
        coveredBy(room, snapshot);
        return result;
      } catch (e) {
        ctx.setState(proposalId, previous);
        throw e;
      }
    },

    async applyServerChange(proposalId, { author, makeChange, persist, allowAgreed = false }) {
      const room = await ctx.room(proposalId);
      // The whole change is the room's turn: nothing else applies between reading the text,
      // storing the change and applying it.
      return room.serialize(async () => {
        if (room.isBroken) throw new AppError("UNAVAILABLE");
        await within(ctx.journal.drain(), DURABLE_WAIT_MS);
        const change = makeChange(room.doc);
        // Agreed paragraphs are protected from the server's changes too (an accepted amendment,
        // a restore), unless the caller was allowed to change them.
        const agreed = room.agreedKeys.size > 0 ? timed("check-agreed", proposalId, () => touchedUnitKeys(room.doc, change.update, room.agreedKeys)) : new Set<string>();
        if (agreed.size > 0 && !allowAgreed) throw new AppError("PARAGRAPH_AGREED");
        const after = new Y.Doc();
        Y.applyUpdate(after, Y.encodeStateAsUpdate(room.doc));
        Y.applyUpdate(after, change.update);
        const snapshot: Snapshot & { agreedChanged: number } = {
          frozen: freezeText(after),
          editors: new Set([...room.editors, ...(author.delegationId ? [author.delegationId] : [])]),
          workshopId: room.workshopId,
          lastEditAt: room.lastEditAt,
          at: Date.now(),
          agreedChanged: agreed.size,
        };
        after.destroy();
        const result = await retryOnceOnConflict(() =>
          ctx.db.$transaction(async (tx) => {
            // The change's ledger entry and journal row commit with whatever it is recorded as.
            await tx.documentClient.create({
              data: { proposalId, clientId: BigInt(change.clientId), userId: author.userId, delegationId: author.delegationId },
            });
            await tx.documentUpdate.create({
              data: { proposalId, update: asBytes(change.update), userId: author.userId, delegationId: author.delegationId, clientId: BigInt(change.clientId) },
            });
            return persist(tx, snapshot);
          }),
        );
        // Committed: now the room, its members and the other nodes see it.
        room.ledger.remember(change.clientId, author.userId);
        room.integrate(change.update, { origin: null, isFromThisNode: true });
        room.journalRows++;
        coveredBy(room, snapshot);
        return result;
      });
    },
  };
}
