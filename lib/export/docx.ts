// The export model as a Word file (docx 9). Word needs more than the text: real heading styles,
// real numbering (one instance per list, so each list counts from 1), tracked changes as w:ins
// and w:del, comments anchored with ranges, and for CJK text an East Asian font and language per
// run, since Chinese and Japanese share ideographs but not their glyph shapes.

import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  Header,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ILevelsOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from "docx";
import type { Block, ExportComment, ExportDoc, Inline, Marks, PaperSize, TextRun as ModelTextRun } from "./model.ts";
import { ENGLISH_WORDS, inlineText } from "./model.ts";
import { formatExportDate } from "./format-date.ts";
import { SCRIPT_LANG, paragraphScript, splitByScript, type Script } from "./scripts.ts";

type Cjk = Exclude<Script, "latin">;

const LATIN_FONT = "Calibri";
const MONO_FONT = "Consolas";
const EAST_ASIA_FONT: Record<Cjk, string> = { zh: "Microsoft YaHei", ja: "Yu Gothic", ko: "Malgun Gothic" };

/** Page sizes in twips, and margins (2.5 cm on A4, 1 inch on Letter). */
const PAGE: Record<PaperSize, { width: number; height: number; margin: number }> = {
  A4: { width: 11906, height: 16838, margin: 1417 },
  LETTER: { width: 12240, height: 15840, margin: 1440 },
};

const HEADING = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
  5: HeadingLevel.HEADING_5,
  6: HeadingLevel.HEADING_6,
} as const;

const STYLE_ID = { quote: "Quote", code: "Code", note: "Note" } as const;

const ORDERED_REF = "accord-ordered";
const BULLET_REF = "accord-bullet";
/** Word allows nine list levels (0–8). */
const MAX_LEVEL = 8;
const LIST_INDENT = 720; // twips per level
const LIST_HANGING = 360;

const indentFor = (level: number) => ({ left: LIST_INDENT * (level + 1), hanging: LIST_HANGING });
const clampLevel = (depth: number) => Math.min(MAX_LEVEL, Math.max(0, Math.floor(depth) || 0));

const ORDERED_LEVELS: ILevelsOptions[] = Array.from({ length: MAX_LEVEL + 1 }, (_, level) => {
  const kind = level % 3;
  return {
    level,
    format: kind === 0 ? LevelFormat.DECIMAL : kind === 1 ? LevelFormat.LOWER_LETTER : LevelFormat.LOWER_ROMAN,
    text: kind === 1 ? `%${level + 1})` : `%${level + 1}.`,
    alignment: AlignmentType.START,
    start: 1,
    style: { paragraph: { indent: indentFor(level) } },
  };
});

const BULLETS = ["\u2022", "\u25e6", "\u25aa"]; // • ◦ ▪
const BULLET_LEVELS: ILevelsOptions[] = Array.from({ length: MAX_LEVEL + 1 }, (_, level) => ({
  level,
  format: LevelFormat.BULLET,
  text: BULLETS[level % BULLETS.length]!,
  alignment: AlignmentType.START,
  style: { paragraph: { indent: indentFor(level) } },
}));

// Characters XML 1.0 cannot carry; docx writes text as given, so one stray control character
// from a paste would make the whole file unreadable.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const XML_INVALID_ALL = new RegExp(XML_INVALID.source, "g");
const cleanText = (text: string) => (XML_INVALID.test(text) ? text.replace(XML_INVALID_ALL, "") : text);

/** What every run of a paragraph shares: its CJK script, whether it has any CJK, monospace. */
type ParaContext = { cjk: Cjk; hasCjk: boolean; mono: boolean };

/** One script-uniform piece of text, before it becomes a docx run. */
type Piece = { text: string; script: Script; marks: Marks; breakBefore: boolean };

function contextFor(inlines: readonly Inline[], mono: boolean): ParaContext {
  const text = inlineText(inlines, { withDeleted: true });
  return { cjk: paragraphScript(text), hasCjk: false, mono };
}

/** Splits one model text run into script-uniform pieces (and "\n" into line breaks). */
function piecesOf(run: ModelTextRun, ctx: ParaContext): Piece[] {
  const out: Piece[] = [];
  const text = cleanText(run.text);
  const lines = text.includes("\n") ? text.split("\n") : [text];
  lines.forEach((line, i) => {
    const breakBefore = i > 0;
    if (line === "") {
      if (breakBefore) out.push({ text: "", script: "latin", marks: run, breakBefore });
      return;
    }
    const parts = splitByScript(line, ctx.cjk);
    parts.forEach((p, j) => {
      if (p.script !== "latin") ctx.hasCjk = true;
      out.push({ text: p.text, script: p.script, marks: run, breakBefore: breakBefore && j === 0 });
    });
  });
  return out;
}

function runOptions(piece: Piece, ctx: ParaContext): IRunOptions {
  const { marks, script } = piece;
  const latinFont = marks.code || ctx.mono ? MONO_FONT : LATIN_FONT;
  const cjk = script === "latin" ? undefined : script;
  // Latin runs take the paragraph's East Asian font when the paragraph has CJK (so a Latin
  // space or digit between ideographs looks right); CJK runs always their own script's.
  const eastAsia = cjk ? EAST_ASIA_FONT[cjk] : ctx.hasCjk ? EAST_ASIA_FONT[ctx.cjk] : undefined;
  return {
    ...(piece.text !== "" ? { text: piece.text } : {}),
    ...(piece.breakBefore ? { break: 1 } : {}),
    ...(marks.bold ? { bold: true } : {}),
    ...(marks.italic ? { italics: true } : {}),
    ...(marks.strike ? { strike: true } : {}),
    ...(marks.code ? { shading: { type: "clear", color: "auto", fill: "F2F2F2" } as const } : {}),
    font: {
      ascii: latinFont,
      hAnsi: latinFont,
      cs: latinFont,
      ...(eastAsia ? { eastAsia } : {}),
      ...(cjk ? { hint: "eastAsia" } : {}),
    },
    ...(cjk ? { language: { eastAsia: SCRIPT_LANG[cjk] } } : {}),
  };
}

/** An ISO timestamp as Word writes it ("2026-12-01T10:00:00Z"), or undefined if it isn't one. */
function revisionDate(iso: string): string | undefined {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Plain runs for a bit of text outside the body (header, footer, comments). */
function plainRuns(text: string, extra: Partial<IRunOptions> = {}): TextRun[] {
  const ctx: ParaContext = { cjk: paragraphScript(text), hasCjk: false, mono: false };
  const pieces = piecesOf({ kind: "text", text }, ctx);
  return pieces.map((p) => new TextRun({ ...runOptions(p, ctx), ...extra }));
}

type RenderState = {
  /** Comments whose start and end marks are both in the document, start first. */
  anchored: Set<number>;
  startedComments: Set<number>;
  endedComments: Set<number>;
  /** The next w:ins / w:del id: one per docx run, so ids stay unique after splitting. */
  nextRevisionId: number;
};

function inlineChildren(inlines: readonly Inline[], ctx: ParaContext, state: RenderState): ParagraphChild[] {
  // First split every text into pieces (which tells whether the paragraph has CJK at all), then
  // make the runs.
  type Item =
    | { kind: "pieces"; pieces: Piece[] }
    | { kind: "change"; change: "insert" | "delete"; author: string; date: string; pieces: Piece[] }
    | { kind: "node"; nodes: ParagraphChild[] };
  const items: Item[] = [];
  for (const inline of inlines) {
    switch (inline.kind) {
      case "text":
        items.push({ kind: "pieces", pieces: piecesOf(inline, ctx) });
        break;
      case "break":
        items.push({ kind: "node", nodes: [new TextRun({ break: 1 })] });
        break;
      case "insert":
      case "delete":
        items.push({
          kind: "change",
          change: inline.kind,
          author: inline.author,
          date: inline.date,
          pieces: inline.runs.flatMap((r) => piecesOf(r, ctx)),
        });
        break;
      case "commentStart":
        if (state.anchored.has(inline.id) && !state.startedComments.has(inline.id)) {
          state.startedComments.add(inline.id);
          items.push({ kind: "node", nodes: [new CommentRangeStart(inline.id)] });
        }
        break;
      case "commentEnd":
        if (state.anchored.has(inline.id) && state.startedComments.has(inline.id) && !state.endedComments.has(inline.id)) {
          state.endedComments.add(inline.id);
          items.push({
            kind: "node",
            nodes: [new CommentRangeEnd(inline.id), new TextRun({ children: [new CommentReference(inline.id)] })],
          });
        }
        break;
    }
  }
  const out: ParagraphChild[] = [];
  for (const item of items) {
    if (item.kind === "node") out.push(...item.nodes);
    else if (item.kind === "pieces") for (const p of item.pieces) out.push(new TextRun(runOptions(p, ctx)));
    else {
      for (const p of item.pieces) {
        // w:date is optional, but an unparseable one makes Word refuse the file: leave it out.
        const options = { ...runOptions(p, ctx), id: state.nextRevisionId++, author: item.author, date: revisionDate(item.date) as string };
        out.push(item.change === "insert" ? new InsertedTextRun(options) : new DeletedTextRun(options));
      }
    }
  }
  return out;
}

function blockParagraph(block: Block, state: RenderState): Paragraph {
  switch (block.kind) {
    case "heading":
      return new Paragraph({
        heading: HEADING[block.level] ?? HeadingLevel.HEADING_6,
        children: inlineChildren(block.inlines, contextFor(block.inlines, false), state),
      });
    case "paragraph": {
      const options: IParagraphOptions = {
        ...(block.style ? { style: STYLE_ID[block.style] } : {}),
        children: inlineChildren(block.inlines, contextFor(block.inlines, block.style === "code"), state),
      };
      return new Paragraph(options);
    }
    case "listItem": {
      const level = clampLevel(block.depth);
      const children = inlineChildren(block.inlines, contextFor(block.inlines, false), state);
      if (block.continued) {
        // A further paragraph of the item: where the item's text starts, without a number.
        return new Paragraph({ style: "ListParagraph", indent: { left: LIST_INDENT * (level + 1) }, children });
      }
      return new Paragraph({
        numbering: { reference: block.ordered ? ORDERED_REF : BULLET_REF, level, instance: block.list },
        children,
      });
    }
    case "rule":
      return new Paragraph({ thematicBreak: true, children: [] });
  }
}

/** Which comments can be anchored: both marks present, the start before the end. */
function anchoredComments(doc: ExportDoc, known: ReadonlySet<number>): Set<number> {
  const starts = new Map<number, number>();
  const ends = new Map<number, number>();
  let position = 0;
  for (const block of doc.blocks) {
    if (block.kind === "rule") continue;
    for (const inline of block.inlines) {
      position++;
      if (inline.kind === "commentStart" && !starts.has(inline.id)) starts.set(inline.id, position);
      else if (inline.kind === "commentEnd" && !ends.has(inline.id)) {
        // An end before any start of its comment can't close anything: look at later ends only.
        if (starts.has(inline.id)) ends.set(inline.id, position);
      }
    }
  }
  const out = new Set<number>();
  for (const [id, start] of starts) {
    const end = ends.get(id);
    if (end !== undefined && end > start && known.has(id)) out.add(id);
  }
  return out;
}

function commentOptions(c: ExportComment): ICommentOptions {
  const date = new Date(c.date);
  return {
    id: c.id,
    author: c.author,
    initials: c.initials,
    ...(Number.isNaN(date.getTime()) ? {} : { date }),
    children: (c.paragraphs.length > 0 ? c.paragraphs : [""]).map((text) => new Paragraph({ children: plainRuns(text) })),
  };
}

/** Word's heading look: bold, kept with the next paragraph, in the outline at its level. */
const headingStyle = (level: number, size: number) => ({
  paragraph: { keepNext: true, keepLines: true, spacing: { before: level <= 2 ? 360 : 240, after: 120 }, outlineLevel: level - 1 },
  run: { bold: true, size, color: level <= 2 ? "1F3864" : "2F5496", ...(level === 6 ? { italics: true } : {}) },
});

const SMALL_GREY = { size: 16, color: "666666" } as const;

export async function renderDocx(doc: ExportDoc, opts: { paper: PaperSize }): Promise<Buffer> {
  const { meta } = doc;
  const page = PAGE[opts.paper] ?? PAGE.A4;

  // Comments: keep the first of any duplicated id (Word needs ids unique).
  const comments: ExportComment[] = [];
  const commentIds = new Set<number>();
  for (const c of doc.comments) {
    if (commentIds.has(c.id)) continue;
    commentIds.add(c.id);
    comments.push(c);
  }

  const state: RenderState = {
    anchored: anchoredComments(doc, commentIds),
    startedComments: new Set(),
    endedComments: new Set(),
    // Comments have their own id space in Word, but starting past them keeps every annotation
    // id in the file distinct, which no reader can object to.
    nextRevisionId: comments.reduce((max, c) => Math.max(max, c.id), 0) + 1,
  };

  const children = doc.blocks.map((block) => blockParagraph(block, state));

  const date = formatExportDate(meta.date, meta.timeZone, meta.locale);
  const header = new Header({
    children: [
      new Paragraph({ children: plainRuns(`${meta.workshop} · ${meta.title}`, SMALL_GREY) }),
      new Paragraph({ children: plainRuns(`${meta.subtitle} · ${date}`, SMALL_GREY) }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({ children: plainRuns(`${meta.hashLabel} ${meta.sha256}`, SMALL_GREY) }),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ ...SMALL_GREY, font: LATIN_FONT, children: [`${(meta.words ?? ENGLISH_WORDS).page} `, PageNumber.CURRENT, ` ${(meta.words ?? ENGLISH_WORDS).of} `, PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });

  const file = new Document({
    title: meta.title,
    creator: "Accord",
    lastModifiedBy: "Accord",
    description: meta.subtitle,
    subject: meta.workshop,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia: EAST_ASIA_FONT.zh },
            size: 22,
            language: { value: "en-GB" },
          },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        heading1: headingStyle(1, 32),
        heading2: headingStyle(2, 28),
        heading3: headingStyle(3, 24),
        heading4: headingStyle(4, 22),
        heading5: headingStyle(5, 22),
        heading6: headingStyle(6, 20),
      },
      paragraphStyles: [
        {
          id: STYLE_ID.quote,
          name: "Quote",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          paragraph: { indent: { left: 720, right: 720 } },
          run: { italics: true, color: "404040" },
        },
        {
          id: STYLE_ID.code,
          name: "Code",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          paragraph: { spacing: { after: 0, line: 240 } },
          run: { font: { ascii: MONO_FONT, hAnsi: MONO_FONT, cs: MONO_FONT }, size: 20 },
        },
        {
          id: STYLE_ID.note,
          name: "Note",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { size: 18, color: "666666" },
        },
      ],
    },
    numbering: {
      config: [
        { reference: ORDERED_REF, levels: ORDERED_LEVELS },
        { reference: BULLET_REF, levels: BULLET_LEVELS },
      ],
    },
    comments: { children: comments.map(commentOptions) },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: page.margin, right: page.margin, bottom: page.margin, left: page.margin, header: 708, footer: 708 },
          },
        },
        headers: { default: header },
        footers: { default: footer },
        children,
      },
    ],
  });

  return Packer.toBuffer(file);
}
