// Reading and writing what a version holds (its plain text and its Yjs state), whether its row has
// them whole or as deltas against the next version (lib/domain/version-chain-storage.ts says
// which). Every reader of a version's text or state goes through here; the hash chain covers the
// full text and the SHA-256 of the full state, so neither depends on how a row is stored.
import { inflateRawSync } from "node:zlib";
import * as Y from "yjs";
import type { Db, Tx } from "../../../lib/db.ts";
import { applyDelta, encodeDelta } from "../../../lib/domain/version-chain-delta.ts";
import { deltaPaysOff, INLINE_DELTA_INPUT_BYTES, mayStoreAsDelta } from "../../../lib/domain/version-chain-storage.ts";
import { deltaPool } from "../../compute/delta-pool.ts";

type Reader = Db | Tx;

/** The columns a version's content is read from. */
export const contentSelect = { number: true, text: true, state: true, textDelta: true, stateDelta: true } as const;
/** The same without the state: enough for its text (verify, Compare's "before"). */
export const textSelect = { number: true, text: true, textDelta: true } as const;

type TextRow = { number: number; text: string; textDelta: Uint8Array | null };
type ContentRow = TextRow & { state: Uint8Array; stateDelta: Uint8Array | null };

/** A version's text, and its Yjs state inflated (the bytes `stateSha256` is over). */
export type VersionContent = { text: string; state: Uint8Array };

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export const isWhole = (row: { textDelta: Uint8Array | null }) => row.textDelta === null;

/** The row's text when whole; else that of the next version with this row's delta applied. */
export function textAbove(row: TextRow, above: string): string {
  return row.textDelta === null ? row.text : strictUtf8.decode(applyDelta(utf8.encode(above), row.textDelta));
}

/** The row's content when whole; else that of the next version with this row's deltas applied. */
export function contentAbove(row: ContentRow, above: VersionContent | null): VersionContent {
  if (row.textDelta === null) return { text: row.text, state: new Uint8Array(inflateRawSync(row.state)) };
  if (!above || row.stateDelta === null) throw new Error(`version ${row.number}: stored as deltas without the version they apply to`);
  return { text: textAbove(row, above.text), state: applyDelta(above.state, row.stateDelta) };
}

/** A run of rows applied down to `row`; texts stay UTF-8 bytes until the end (one decode, not one a row). */
function rebuild(rows: readonly ContentRow[], row: ContentRow): VersionContent;
function rebuild(rows: readonly TextRow[], row: TextRow): { text: string };
function rebuild(rows: ReadonlyArray<TextRow & Partial<ContentRow>>, row: TextRow & Partial<ContentRow>): { text: string; state?: Uint8Array } {
  let text: Uint8Array | null = null;
  let state: Uint8Array | null = null;
  for (const r of [...rows, row]) {
    if (r.textDelta === null) {
      text = utf8.encode(r.text);
      state = r.state ? new Uint8Array(inflateRawSync(r.state)) : null;
      continue;
    }
    if (text === null) throw new Error(`version ${r.number}: stored as deltas without the version they apply to`);
    text = applyDelta(text, r.textDelta);
    if (state && r.stateDelta) state = applyDelta(state, r.stateDelta);
  }
  return { text: strictUtf8.decode(text!), ...(state ? { state } : {}) };
}

/**
 * The rows from `row` (exclusive) up to the first whole version after it, newest first: what a
 * delta row's content is rebuilt from (at most KEYFRAME_EVERY − 1 small deltas and one whole row).
 * One raw query: Prisma's own row mapping of ~32 rows with bytes costs several times the query.
 */
async function rowsAbove(db: Reader, proposalId: string, number: number, withState: true): Promise<ContentRow[]>;
async function rowsAbove(db: Reader, proposalId: string, number: number, withState: false): Promise<TextRow[]>;
async function rowsAbove(db: Reader, proposalId: string, number: number, withState: boolean): Promise<Array<TextRow & Partial<ContentRow>>> {
  type Raw = { number: number | bigint; text: string; textDelta: Uint8Array | null; state?: Uint8Array; stateDelta?: Uint8Array | null };
  // Two spellings rather than a composed fragment: the same template works on both engines' clients.
  const raw = withState
    ? await db.$queryRaw<Raw[]>`
        SELECT "number", "text", "textDelta", "state", "stateDelta" FROM "Version"
        WHERE "proposalId" = ${proposalId} AND "number" > ${number} AND "number" <= (
          SELECT MIN("number") FROM "Version" WHERE "proposalId" = ${proposalId} AND "number" > ${number} AND "textDelta" IS NULL)
        ORDER BY "number" DESC`
    : await db.$queryRaw<Raw[]>`
        SELECT "number", "text", "textDelta" FROM "Version"
        WHERE "proposalId" = ${proposalId} AND "number" > ${number} AND "number" <= (
          SELECT MIN("number") FROM "Version" WHERE "proposalId" = ${proposalId} AND "number" > ${number} AND "textDelta" IS NULL)
        ORDER BY "number" DESC`;
  const last = raw[0] ? Number(raw[0].number) : null;
  if (last === null) throw new Error(`version ${number} of proposal ${proposalId}: no whole version after it`);
  if (raw.length !== last - number) throw new Error(`version ${number} of proposal ${proposalId}: a version it is stored against is missing`);
  return raw.map((r) => ({
    number: Number(r.number),
    text: r.text,
    textDelta: bytesOrNull(r.textDelta),
    ...(withState ? { state: bytesOrNull(r.state ?? null) ?? new Uint8Array(), stateDelta: bytesOrNull(r.stateDelta ?? null) } : {}),
  }));
}

/** Raw queries give bytes as Uint8Array or Buffer depending on the engine: one shape for both. */
function bytesOrNull(b: Uint8Array | null): Uint8Array | null {
  return b === null ? null : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** Text and inflated state of the version whose row (with `contentSelect`'s columns) is `row`. */
export async function contentOf(db: Reader, proposalId: string, row: ContentRow): Promise<VersionContent> {
  if (isWhole(row)) return contentAbove(row, null);
  return rebuild(await rowsAbove(db, proposalId, row.number, true), row);
}

/** The text alone of the version whose row (with `textSelect`'s columns) is `row`. */
export async function textOf(db: Reader, proposalId: string, row: TextRow): Promise<string> {
  if (isWhole(row)) return row.text;
  return rebuild(await rowsAbove(db, proposalId, row.number, false), row).text;
}

/** A Y.Doc of a version's state (the caller destroys it). */
export function docOfContent(content: VersionContent): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, content.state);
  return doc;
}

/** Reads one version's content by number (null when there is no such version). */
export async function readVersionContent(db: Reader, proposalId: string, number: number): Promise<VersionContent | null> {
  const row = await db.version.findUnique({ where: { proposalId_number: { proposalId, number } }, select: contentSelect });
  return row && contentOf(db, proposalId, row);
}

/**
 * Once version `newer` is stored whole, its predecessor (until now the newest, so whole) becomes
 * deltas against it when the rules allow and it pays off. `previous` is that row as stored and its
 * content; `newer` is the new version's content. The deltas are applied back before anything is
 * written: only a delta that gives back exactly the same bytes replaces the whole row.
 */
export async function storePreviousAsDelta(
  tx: Tx,
  previous: { id: string; number: number; storedBytes: number; content: VersionContent },
  newer: { number: number; content: VersionContent },
): Promise<boolean> {
  const deltas = await deltasFor(previous, newer);
  if (!deltas) return false;
  await tx.version.update({
    where: { id: previous.id },
    data: { text: "", state: new Uint8Array(), textDelta: deltas.textDelta, stateDelta: deltas.stateDelta },
  });
  return true;
}

/**
 * The deltas that store `older` against `newer`, or null when it should stay whole (also when the
 * worker that works out long ones is busy or fails: a whole row is always correct).
 */
export async function deltasFor(
  older: { number: number; storedBytes: number; content: VersionContent },
  newer: { number: number; content: VersionContent },
): Promise<{ textDelta: Uint8Array<ArrayBuffer>; stateDelta: Uint8Array<ArrayBuffer> } | null> {
  if (newer.number !== older.number + 1) return null;
  const olderText = utf8.encode(older.content.text);
  const newerText = utf8.encode(newer.content.text);
  const inputBytes = olderText.length + newerText.length + older.content.state.length + newer.content.state.length;
  if (!mayStoreAsDelta({ number: older.number, newestNumber: newer.number, inputBytes })) return null;
  const pairs = [
    { base: newerText, target: olderText },
    { base: newer.content.state, target: older.content.state },
  ];
  let encoded: Uint8Array[];
  try {
    // The worker gets copies (structured clone): the caller's buffers stay usable.
    encoded = inputBytes <= INLINE_DELTA_INPUT_BYTES ? pairs.map((p) => encodeDelta(p.base, p.target)) : await deltaPool().run(pairs);
  } catch (e) {
    console.error(`version ${older.number}: kept whole, its deltas could not be worked out (${(e as Error).message})`);
    return null;
  }
  const [textDelta, stateDelta] = encoded as [Uint8Array, Uint8Array];
  if (!deltaPaysOff({ wholeBytes: older.storedBytes, deltaBytes: textDelta.length + stateDelta.length })) return null;
  // A text that is not valid UTF-16 (a lone surrogate) would not survive the UTF-8 round trip.
  let text: string;
  try {
    text = strictUtf8.decode(applyDelta(newerText, textDelta));
  } catch {
    return null;
  }
  if (text !== older.content.text || !Buffer.from(applyDelta(newer.content.state, stateDelta)).equals(Buffer.from(older.content.state))) return null;
  return { textDelta: textDelta as Uint8Array<ArrayBuffer>, stateDelta: stateDelta as Uint8Array<ArrayBuffer> };
}

/** Bytes a whole row's text and (deflated) state take. */
export function wholeBytes(row: { text: string; state: Uint8Array }): number {
  return Buffer.byteLength(row.text, "utf8") + row.state.length;
}
