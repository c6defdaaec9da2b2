// The document model shared by the browser editor and the server: one list of TipTap
// extensions, so text written in the editor and text built on the server have the same schema.
import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import type { Schema } from "@tiptap/pm/model";

// The Yjs XML fragment holding the text (TipTap's Collaboration default).
export const DOC_FIELD = "default";

// Yjs brings its own undo manager; StarterKit's would fight it. The trailing-node extension
// would append an empty paragraph after a final list in every tab that opens the text — a
// write nobody typed (and one an observer's tab would be refused for).
export const documentExtensions = [StarterKit.configure({ undoRedo: false, trailingNode: false })];

let schema: Schema | undefined;
export function documentSchema(): Schema {
  schema ??= getSchema(documentExtensions);
  return schema;
}
