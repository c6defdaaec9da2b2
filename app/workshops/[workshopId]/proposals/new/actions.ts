"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { MAX_IMPORT_FILE_BYTES, MAX_STARTING_TEXT_CHARS } from "@/lib/document/starting-text";
import { Id, PreviousState, Text } from "@/server/actions/arguments";
import { defineAction } from "@/server/actions/define-action";
import { realtime } from "@/server/realtime/global";
import { createProposal, startingTextFrom } from "@/server/services/proposals/create-proposal";

// Thin: read the form, call the use case (which authorizes from the session and names the field
// at fault), refresh the workshop's pages. The bounds here are shape only, well above the use
// case's own (so a person reads its message): pasted text twice the characters a draft holds,
// a file twice the size that can be imported (Next's body limit, next.config.js, is below both).

const PastedText = z.string().max(MAX_STARTING_TEXT_CHARS * 2);
/** A file part of the form (a File is a Blob with a name). */
const UploadedFile = z.custom<File>((v) => v instanceof Blob && typeof (v as File).name === "string" && v.size <= MAX_IMPORT_FILE_BYTES * 2, { message: "expected a file" });

/** The form's fields, first value under each name; a file only where a file belongs. */
const NewProposalForm = z
  .instanceof(FormData, { message: "expected the form's data" })
  .transform((form): Record<string, unknown> => ({
    title: form.get("title") ?? undefined,
    summary: form.get("summary") ?? undefined,
    text: form.get("text") ?? undefined,
    format: form.get("format") ?? undefined,
    file: form.get("file") ?? undefined,
  }))
  .pipe(z.object({ title: Text, summary: Text.optional(), text: PastedText.optional(), format: z.string().max(20).optional(), file: UploadedFile.optional() }));

export const createProposalAction = defineAction(
  {
    args: ["workshopId", "previous", "form"],
    input: z.object({ workshopId: Id, previous: PreviousState, form: NewProposalForm }),
    revalidate: { paths: ({ workshopId }) => [{ path: `/workshops/${workshopId}`, type: "layout" }] },
  },
  async ({ workshopId, form }, { userId }) => {
    // A browser sends an empty, nameless part when no file was chosen.
    const file = form.file && (form.file.size > 0 || form.file.name !== "") ? { name: form.file.name, bytes: new Uint8Array(await form.file.arrayBuffer()) } : null;
    const start = startingTextFrom({ text: form.text, format: form.format, file });
    return createProposal({ db: db(), live: realtime().live, userId, workshopId, input: { title: form.title, summary: form.summary, start }, now: new Date() });
  },
);
