// What every export reads: a proposal's text (or a record, or a redline) as a small tree of
// blocks and inline runs, with the header and footer facts. One model, three renderers (Word,
// PDF, Markdown): the text is read from Yjs once, and each format only decides how it looks.

/** Character formatting carried over from the editor. */
export type Marks = { bold?: boolean; italic?: boolean; strike?: boolean; code?: boolean };

export type TextRun = { kind: "text"; text: string } & Marks;

/**
 * A tracked change: an open amendment, or a difference between two versions. `author` is the
 * delegation as people know it ("Japan (JPN)"); `date` an ISO timestamp; `id` unique in the doc.
 */
export type ChangeRun = { kind: "insert" | "delete"; id: number; author: string; date: string; runs: TextRun[] };

/** Where a comment's passage starts and ends (its id is an ExportComment's). */
export type CommentMark = { kind: "commentStart" | "commentEnd"; id: number };

/** A line break inside a paragraph (Shift+Enter in the editor). */
export type LineBreak = { kind: "break" };

export type Inline = TextRun | ChangeRun | CommentMark | LineBreak;

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: Inline[] }
  /** `style`: "quote" (blockquote), "code" (code block), "note" (small grey text of a record). */
  | { kind: "paragraph"; inlines: Inline[]; style?: "quote" | "code" | "note" }
  | {
      kind: "listItem";
      ordered: boolean;
      /** Which list this item belongs to: items of one list share it; a new list restarts numbering. */
      list: number;
      /** Nesting, 0 for a top-level list. */
      depth: number;
      /** The number as the editor shows it ("3."), or "•": what Markdown and PDF print. */
      label: string;
      /** A further paragraph of the same item: indented like it, without a label. */
      continued?: boolean;
      inlines: Inline[];
    }
  /** A thin rule between sections of a record. */
  | { kind: "rule" };

/** A comment thread: its first comment and the replies, in order. */
export type ExportComment = {
  id: number;
  /** Who started the thread ("Ken Sato, Japan (JPN)"). */
  author: string;
  initials: string;
  date: string;
  /** One entry per comment: the first is the thread's opening, then "Name: reply". */
  paragraphs: string[];
};

export type ExportMeta = {
  workshop: string;
  /** The proposal's title, or the record's title ("Outcome record"). */
  title: string;
  /** "Version 7 · Named “Before lunch”", "Live text", "Redline: version 3 → version 7"… */
  subtitle: string;
  /** The version number, when the export is one version (null: live text, record, redline). */
  version: number | null;
  /** ISO timestamp of what is exported (the version's time, or now for the live text). */
  date: string;
  /** The time zone dates are printed in (the workshop's). */
  timeZone: string;
  /** Footer: "SHA-256 <hex>" of the version's chain hash, or of the live plain text. */
  hashLabel: string;
  sha256: string;
  /** The reader's interface language (dates in the header are written in it); English when absent. */
  locale?: string;
  /** The renderers' own words in that language ("Page", "of", "Comments"); English when absent. */
  words?: ExportWords;
};

/** Words the layouts add around the text: "Page 3 of 9", the comments section's heading. */
export type ExportWords = { page: string; of: string; comments: string };
export const ENGLISH_WORDS: ExportWords = { page: "Page", of: "of", comments: "Comments" };

export type ExportDoc = { meta: ExportMeta; blocks: Block[]; comments: ExportComment[] };

export type PaperSize = "A4" | "LETTER";

/** Plain text of inlines (deleted text left out): for tests, Markdown and file checks. */
export function inlineText(inlines: readonly Inline[], opts: { withDeleted?: boolean } = {}): string {
  let out = "";
  for (const i of inlines) {
    if (i.kind === "text") out += i.text;
    else if (i.kind === "break") out += "\n";
    else if (i.kind === "insert" || (i.kind === "delete" && opts.withDeleted)) out += i.runs.map((r) => r.text).join("");
  }
  return out;
}
