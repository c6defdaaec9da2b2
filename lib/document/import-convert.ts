// Turning what a chair brings — plain text, Markdown, a Word file — into a starting draft in our
// schema. Server only, and run in a worker thread (server/compute/import-worker.ts): every step
// costs time in proportion to the input.
//
//  - .docx: mammoth reads the package into HTML (headings by style, numbered paragraphs as
//    ordered lists, bold/italic runs), then TipTap's own HTML parser (@tiptap/html's server
//    entry, on happy-dom) reads that HTML with the editor's parse rules: what a Word file
//    imports as is what pasting the same content into the editor gives.
//  - Markdown: @tiptap/markdown with the editor's extensions (tables become paragraphs, one per
//    cell; raw HTML stays literal text).
//  - Plain text: every non-blank line is a paragraph.
// Whatever the source, the result is checked against the schema, stripped of links and other
// marks that a starting draft does not carry, and bounded (characters and blocks).
import mammoth from "mammoth";
import { Extension, type JSONContent } from "@tiptap/core";
import { generateJSON } from "@tiptap/html/server";
import { MarkdownManager } from "@tiptap/markdown";
import { documentExtensions, documentSchema } from "./schema.ts";
import { stateFromPmJson, type PmJson } from "./convert.ts";
import {
  MAX_STARTING_BLOCKS,
  MAX_STARTING_TEXT_CHARS,
  type StartingTextResult,
  type StartingTextSource,
} from "./starting-text.ts";

/** Input the importer cannot use; the message says why, in words for the person who gave it. */
export class ImportProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportProblem";
  }
}

/** Marks a starting draft keeps. Links are dropped: a Word file's are mostly its own bookmarks. */
const KEPT_MARKS = new Set(["bold", "italic", "underline", "strike", "code"]);

// ---- Plain text ------------------------------------------------------------------------------

/** Control characters other than tab and line breaks: never meant as text. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Plain text → one paragraph per non-blank line, each line's characters kept exactly. */
export function textToDoc(text: string): PmJson {
  const paragraphs = text
    .replace(/^\uFEFF/, "")
    .replace(CONTROL, "")
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .filter((line) => line.trim() !== "")
    .map((line): PmJson => ({ type: "paragraph", content: [{ type: "text", text: line }] }));
  return { type: "doc", content: paragraphs };
}

/**
 * A text file's bytes as text: UTF-8 (with or without a byte-order mark), or UTF-16 with one
 * (what Windows Notepad writes as "Unicode"). Anything else — a binary file, another encoding —
 * is refused rather than turned into mojibake.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
  let text: string;
  try {
    text = new TextDecoder(utf16 ?? "utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportProblem("the file is not text in UTF-8 (or UTF-16). Save it as UTF-8 text and try again.");
  }
  if (text.includes("\u0000")) throw new ImportProblem("the file is not a text file.");
  return text;
}

// ---- Markdown --------------------------------------------------------------------------------

/** Markdown tables have no node in our schema: keep their text, one paragraph per cell. */
const MarkdownTables = Extension.create({
  name: "importMarkdownTables",
  markdownTokenName: "table",
  parseMarkdown(token, helpers) {
    const cells = [...((token.header as Array<{ tokens?: unknown[] }> | undefined) ?? []), ...((token.rows as Array<Array<{ tokens?: unknown[] }>> | undefined) ?? []).flat()];
    return cells.map((cell) => helpers.createNode("paragraph", undefined, helpers.parseInline((cell.tokens ?? []) as Parameters<typeof helpers.parseInline>[0])));
  },
});

let markdown: MarkdownManager | undefined;

export function markdownToDoc(source: string): PmJson {
  markdown ??= new MarkdownManager({ extensions: [...documentExtensions, MarkdownTables] });
  return markdown.parse(source.replace(/^\uFEFF/, "").replace(CONTROL, "")) as PmJson;
}

// ---- HTML and Word ---------------------------------------------------------------------------

/** HTML → our schema, by the editor's own parse rules (as if pasted into the editor). */
export function htmlToDoc(html: string): PmJson {
  return generateJSON(html, documentExtensions) as PmJson;
}

/** Word's "Title" and "Subtitle" styles are headings too (mammoth's defaults map Heading 1–6). */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  // A .docx is a zip package: anything else (a renamed .doc, a PDF) is refused before unzipping.
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new ImportProblem("the file is not a Word document (.docx). Older .doc files: save them as .docx first.");
  }
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Pictures have no place in the text: never read them (a data: URI would be megabytes of HTML).
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
        // Linked files outside the package are never read (mammoth's default, said explicitly).
        externalFileAccess: false,
      },
    );
    return result.value;
  } catch {
    throw new ImportProblem("the Word document could not be read (it may be damaged, or not a .docx file).");
  }
}

export async function docxToDoc(bytes: Uint8Array): Promise<PmJson> {
  return htmlToDoc(await docxToHtml(bytes));
}

// ---- Clean-up and bounds ---------------------------------------------------------------------

/** Han, kana and full-width forms: scripts written without spaces between words. */
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * A line break inside a Markdown paragraph (a soft break) reads as a space between words — but
 * not between two Chinese or Japanese characters, where a space would change the text (the CSS
 * rule for segment breaks). Works across the text nodes of one block (marks split them).
 */
function joinSoftBreaks(inline: JSONContent[]): JSONContent[] {
  const texts = inline.map((n) => (n.type === "text" ? (n.text ?? "") : "\uFFFC"));
  const whole = texts.join("");
  if (!whole.includes("\n")) return inline;
  const out: JSONContent[] = [];
  let at = 0;
  inline.forEach((node, i) => {
    const start = at;
    at += texts[i]!.length;
    if (node.type !== "text") return void out.push(node);
    const text = node.text!.replace(/[ \t]*\n[ \t]*/g, (lineBreak: string, offset: number) => {
      const before = whole[start + offset - 1] ?? "";
      const after = whole[start + offset + lineBreak.length] ?? "";
      return NO_SPACE_SCRIPT.test(before) && NO_SPACE_SCRIPT.test(after) ? "" : " ";
    });
    if (text !== "") out.push({ ...node, text });
  });
  return out;
}

const TEXTBLOCKS = new Set(["paragraph", "heading"]);

/** Keeps what a starting draft carries; drops empty top-level paragraphs and empty text nodes. */
function tidy(node: JSONContent, isTop: boolean): JSONContent | null {
  if (node.type === "text") {
    if (!node.text) return null;
    const marks = node.marks?.filter((m) => KEPT_MARKS.has(m.type));
    return marks && marks.length > 0 ? { type: "text", text: node.text, marks } : { type: "text", text: node.text };
  }
  let content = node.content?.map((c) => tidy(c, false)).filter((c): c is JSONContent => c !== null);
  if (content && TEXTBLOCKS.has(node.type ?? "")) content = joinSoftBreaks(content);
  if (isTop && node.type === "paragraph" && (!content || content.length === 0)) return null;
  const out: JSONContent = { type: node.type };
  if (node.attrs) out.attrs = node.attrs;
  if (content && content.length > 0) out.content = content;
  return out;
}

/**
 * The page's own title is its one h1, and proposal texts use h2 for sections and h3 below (the
 * demo's texts, the toolbar's "Heading"): a file's top heading level (whichever it is) becomes
 * the section heading, and everything deeper a sub-heading.
 */
function sectionHeadings(blocks: JSONContent[]): void {
  const levels = blocks.filter((b) => b.type === "heading").map((b) => Number(b.attrs?.level ?? 1));
  const top = Math.min(...levels);
  for (const b of blocks) if (b.type === "heading") b.attrs = { ...b.attrs, level: Number(b.attrs?.level ?? 1) <= top ? 2 : 3 };
}

function measure(node: JSONContent): { characters: number; blocks: number } {
  let characters = 0;
  let blocks = 0;
  const walk = (n: JSONContent) => {
    if (n.type === "text") characters += n.text?.length ?? 0;
    else if (n.type !== "doc" && n.type !== "hardBreak") blocks++;
    n.content?.forEach(walk);
  };
  walk(node);
  return { characters, blocks };
}

/**
 * The document a starting draft gets: tidied, checked against the schema, within the limits.
 * Empty input gives one empty paragraph (never an empty fragment, which the first tab to open
 * it would fill in — a write nobody typed).
 */
export function finishDoc(json: PmJson): { doc: PmJson; characters: number } {
  const tidied = tidy(json as JSONContent, false) ?? { type: "doc" };
  const top = (tidied.content ?? []).map((c) => tidy(c, true)).filter((c): c is JSONContent => c !== null);
  sectionHeadings(top);
  const doc = { type: "doc", content: top.length > 0 ? top : [{ type: "paragraph" }] } as PmJson;
  const { characters, blocks } = measure(doc as JSONContent);
  if (characters > MAX_STARTING_TEXT_CHARS) {
    throw new ImportProblem(`the text is ${characters.toLocaleString("en")} characters long; a starting draft holds at most ${MAX_STARTING_TEXT_CHARS.toLocaleString("en")}.`);
  }
  if (blocks > MAX_STARTING_BLOCKS) {
    throw new ImportProblem(`the text has ${blocks.toLocaleString("en")} paragraphs; a starting draft holds at most ${MAX_STARTING_BLOCKS.toLocaleString("en")}.`);
  }
  try {
    documentSchema().nodeFromJSON(doc).check();
  } catch {
    throw new ImportProblem("the text has a structure the editor cannot hold.");
  }
  return { doc, characters };
}

/** The document for a source, tidied and bounded; ImportProblem when the input cannot be used. */
export async function startingDoc(source: StartingTextSource): Promise<{ doc: PmJson; characters: number }> {
  // Pasted text is bounded before it is parsed, not only after.
  if ((source.kind === "text" || source.kind === "markdown") && source.text.length > MAX_STARTING_TEXT_CHARS * 2) {
    throw new ImportProblem(`the text is longer than ${MAX_STARTING_TEXT_CHARS.toLocaleString("en")} characters.`);
  }
  switch (source.kind) {
    case "text":
      return finishDoc(textToDoc(source.text));
    case "markdown":
      return finishDoc(markdownToDoc(source.text));
    case "html":
      return finishDoc(htmlToDoc(source.html));
    case "docx":
      return finishDoc(await docxToDoc(source.bytes));
    case "file-text": {
      const text = decodeTextFile(source.bytes);
      return finishDoc(source.format === "markdown" ? markdownToDoc(text) : textToDoc(text));
    }
  }
}

/** What the worker answers: the Yjs state of the starting draft, or the problem in words. */
export async function convertStartingText(source: StartingTextSource): Promise<StartingTextResult> {
  try {
    const { doc, characters } = await startingDoc(source);
    return { ok: true, state: stateFromPmJson(doc), characters };
  } catch (e) {
    if (e instanceof ImportProblem) return { ok: false, problem: e.message };
    // A parser's own failure on odd input is still a file the importer cannot read.
    return { ok: false, problem: "the text could not be read." };
  }
}
