// The realtime side of LiveDocuments (server/services/live-documents.ts): versions of the live
// text and changes the server makes, each all-or-nothing, each describing durable text only.
import * as Y from "yjs";
import type { Db } from "../../lib/db.ts";
import { asBytes } from "../../lib/bytes.ts";
import type { ProposalState } from "../../lib/domain/access.ts";
import { AppError } from "../../lib/errors.ts";
import { cutVersion, freezeText } from "../services/history/cut-version.ts";
import { docOf } from "../document-store/load-document.ts";
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
  /** Drops a room whose memory holds what the database does not (its tabs join again). */
  reset: (room: Room) => void;
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

type Marks = Omit<Snapshot, "frozen">;

/** Who edited since the last version, and when: what a version covers besides its text. */
function marks(room: Room): Marks {
  return { editors: new Set(room.editors), workshopId: room.workshopId, lastEditAt: room.lastEditAt, at: Date.now() };
}

function freeze(room: Room): Snapshot {
  return { frozen: timed("freeze-text", room.proposalId, () => freezeText(room.doc)), ...marks(room) };
}

/** The text as it is now (or only its marks), once everything in it is in the database. */
async function durableSnapshot<S extends Marks>(ctx: LiveDocumentsContext, room: Room, take: (room: Room) => S): Promise<S> {
  // In the room's turn: no change is half-applied while the text is read.
  const snapshot = await room.serialize(() => take(room));
  // Every change in the snapshot was queued before this call, so this covers exactly them.
  await within(ctx.journal.drain(), DURABLE_WAIT_MS);
  return snapshot;
}

/** The version covers the editing up to the snapshot; editing since then awaits the next one. */
function coveredBy(room: Room, snapshot: Marks): void {
  for (const e of snapshot.editors) room.editors.delete(e);
  // Edits that came in while the version was being stored start the next interval.
  room.firstUnversionedEditAt = room.lastEditAt === snapshot.lastEditAt ? null : snapshot.at;
}

/**
 * After a freeze: the room takes what the database holds and it lacked (sent to its members),
 * so the text they see is the text frozen. Should the room hold anything the database does not
 * (it never relays or keeps unstored text past a drain, so this is a safety net), it is reloaded.
 */
async function catchUp(ctx: LiveDocumentsContext, room: Room, durable: Y.Doc): Promise<void> {
  try {
    await room.serialize(() => {
      if (!room.takeStored(durable).holdsMore) return;
      console.error(`room ${room.proposalId} held text the database does not have after a freeze; reloading it`);
      ctx.reset(room);
    });
  } finally {
    durable.destroy();
  }
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
        const snapshot = await durableSnapshot(ctx, room, freeze);
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
      // From here the room refuses edits (checked as each change's turn comes); everything it
      // accepted before is stored once the journal drains.
      ctx.setState(proposalId, frozenState);
      try {
        const snapshot = await durableSnapshot(ctx, room, marks);
        // The text frozen is the database's, read with the proposal's row locked against the
        // journal: with several nodes, another node's stored edits may not have reached this
        // replica yet (a late relay, or one lost while Redis was down), and any it stores later
        // is refused once `persist` has changed the state (journal-sinks.ts).
        let durable: Y.Doc | null = null;
        const result = await ctx.db.$transaction(async (tx) => {
          durable = docOf(await ctx.journal.readLocked(tx, proposalId));
          return persist(tx, { ...snapshot, frozen: timed("freeze-text", proposalId, () => freezeText(durable!)) });
        });
        if (durable) await catchUp(ctx, room, durable);
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
