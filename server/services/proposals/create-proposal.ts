import type { Db } from "../../../lib/db.ts";
import { stateFromPmJson } from "../../../lib/document/convert.ts";
import {
  MAX_IMPORT_FILE_BYTES,
  PASTE_FORMATS,
  formatBytes,
  importKindOf,
  type PasteFormat,
  type StartingTextResult,
  type StartingTextSource,
} from "../../../lib/document/starting-text.ts";
import { AppError } from "../../../lib/errors.ts";
import { convertOffThread } from "../../compute/import-pool.ts";
import { authorize } from "../authorize.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { insertProposal } from "./insert-proposal.ts";
import { parseProposalDetails } from "./proposal-details.ts";

/** Labels of the form's fields, so that a refusal names the one to change. */
export const PASTE_FIELD = "Paste text";
export const FILE_FIELD = "Import text";

/** How the chair gives the starting text. */
export type StartingTextInput =
  | { kind: "empty" }
  | { kind: "paste"; format: PasteFormat; text: string }
  | { kind: "file"; name: string; bytes: Uint8Array };

/**
 * What the form sent, as a starting text: a chosen file, else pasted text that is not blank,
 * else nothing. Both at once is refused rather than one silently ignored.
 */
export function startingTextFrom(form: { text?: string; format?: string; file?: { name: string; bytes: Uint8Array } | null }): StartingTextInput {
  const hasText = (form.text ?? "").trim() !== "";
  if (form.file && hasText) throw new AppError("INVALID_INPUT", `${PASTE_FIELD}: use pasted text or an imported file, not both (clear one of them).`);
  if (form.file) return { kind: "file", name: form.file.name, bytes: form.file.bytes };
  if (!hasText) return { kind: "empty" };
  const format = form.format ?? "text";
  if (!(PASTE_FORMATS as readonly string[]).includes(format)) throw new AppError("INVALID_INPUT", `${PASTE_FIELD}: choose plain text or Markdown.`);
  return { kind: "paste", format: format as PasteFormat, text: form.text! };
}

export type ConvertStartingText = (source: StartingTextSource) => Promise<StartingTextResult>;

const EMPTY_DOC = { type: "doc", content: [{ type: "paragraph" }] };

/** The source the worker converts, after the checks that need no parsing (size, type). */
function sourceOf(start: Exclude<StartingTextInput, { kind: "empty" }>): { source: StartingTextSource; field: string; origin: Record<string, unknown> } {
  if (start.kind === "paste") {
    if (!PASTE_FORMATS.includes(start.format)) throw new AppError("INVALID_INPUT", `${PASTE_FIELD}: choose plain text or Markdown.`);
    return { source: { kind: start.format, text: start.text }, field: PASTE_FIELD, origin: { source: "paste", format: start.format } };
  }
  const kind = importKindOf(start.name);
  // The audit entry keeps the file's name (bounded: a name is whatever the browser sent).
  const name = start.name.trim().slice(0, 200);
  if (!kind) throw new AppError("INVALID_INPUT", `${FILE_FIELD}: choose a Word (.docx), Markdown (.md) or text (.txt) file.`);
  if (start.bytes.byteLength === 0) throw new AppError("INVALID_INPUT", `${FILE_FIELD}: the file is empty.`);
  if (start.bytes.byteLength > MAX_IMPORT_FILE_BYTES) {
    throw new AppError("INVALID_INPUT", `${FILE_FIELD}: the file is larger than ${formatBytes(MAX_IMPORT_FILE_BYTES)}, the most that can be imported. Remove pictures, or paste the text instead.`);
  }
  const source: StartingTextSource = kind === "docx" ? { kind: "docx", bytes: start.bytes } : { kind: "file-text", format: kind, bytes: start.bytes };
  return { source, field: FILE_FIELD, origin: { source: "file", file: name } };
}

/**
 * The chair adds a proposal at the end of the agenda, with a starting text that is empty, pasted
 * or imported from a file. Conversion runs in a worker (server/compute/import-pool.ts); then the
 * proposal, its starting state, version 1 "Starting draft" and the audit entry are stored in one
 * transaction, and everyone's agenda updates live.
 */
export async function createProposal(opts: {
  db: Db;
  live: LiveNotifier;
  userId: string | null;
  workshopId: string;
  input: { title: string; summary?: string; start: StartingTextInput };
  now: Date;
  /** Tests may convert in-process; the server always uses the worker. */
  convert?: ConvertStartingText;
}): Promise<{ proposalId: string; workshopId: string }> {
  const { membership } = await authorize({ db: opts.db, userId: opts.userId, action: "proposal.create", workshopId: opts.workshopId });
  const details = parseProposalDetails({ title: opts.input.title, summary: opts.input.summary ?? "" });
  const start = opts.input.start;

  let state: Uint8Array;
  let origin: Record<string, unknown>;
  if (start.kind === "empty") {
    state = stateFromPmJson(EMPTY_DOC);
    origin = { source: "empty" };
  } else {
    const { source, field, origin: from } = sourceOf(start);
    const result = await (opts.convert ?? convertOffThread)(source);
    if (!result.ok) throw new AppError("INVALID_INPUT", `${field}: ${result.problem}`);
    state = result.state;
    origin = { ...from, characters: result.characters };
  }

  const created = await insertProposal(opts.db, { workshopId: opts.workshopId, details, state, creator: membership, origin, now: opts.now });
  opts.live.workshopChanged(opts.workshopId);
  return { proposalId: created.id, workshopId: opts.workshopId };
}
