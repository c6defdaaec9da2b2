// A new proposal's starting text, as a person gives it: nothing, pasted text (plain paragraphs
// or Markdown), or an imported file (.docx, .md, .txt). The limits and the file types are
// shared by the form (its hints and `accept`), the use case and the conversion worker; the
// conversion itself is lib/document/import-convert.ts (server only: it loads a DOM and a zip
// reader).

/**
 * An imported file's size. A long treaty text as .docx is a few hundred kB; 2 MB leaves room for
 * styles and embedded pictures (which are dropped) while keeping the unpacking bounded.
 */
export const MAX_IMPORT_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Characters of text a starting draft may hold, however it arrived: about 30,000 words, far
 * beyond any negotiated text, and small enough that every tab syncs it in a moment.
 */
export const MAX_STARTING_TEXT_CHARS = 200_000;

/** Paragraphs, headings and list items: bounds a file of empty paragraphs, which has no text to count. */
export const MAX_STARTING_BLOCKS = 20_000;

/** How pasted text is read. */
export const PASTE_FORMATS = ["text", "markdown"] as const;
export type PasteFormat = (typeof PASTE_FORMATS)[number];

export type ImportKind = "docx" | "markdown" | "text";

/** What the "Import text" file input offers (extensions and their media types). */
export const IMPORT_ACCEPT = ".docx,.md,.markdown,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/plain";

/** The file's kind by its name, or null for a type the importer does not read. */
export function importKindOf(fileName: string): ImportKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (ext === "docx") return "docx";
  if (ext === "md" || ext === "markdown") return "markdown";
  if (ext === "txt") return "text";
  return null;
}

/** What the worker converts. */
export type StartingTextSource = { kind: "text" | "markdown"; text: string } | { kind: "html"; html: string } | { kind: "docx"; bytes: Uint8Array } | { kind: "file-text"; format: "text" | "markdown"; bytes: Uint8Array };

/** The conversion's answer: the starting state (a Yjs update), or why the input cannot be used. */
export type StartingTextResult = { ok: true; state: Uint8Array; characters: number } | { ok: false; problem: string };

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toLocaleString("en", { maximumFractionDigits: 1 })} MB` : `${Math.ceil(n / 1024)} kB`;
}
