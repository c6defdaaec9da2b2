// The PDF renderer of the export model (lib/export/model.ts), with pdfkit. Fonts are embedded
// Noto Sans faces chosen per script (pdf-fonts.ts); every page carries the header (workshop,
// title, subtitle, date) and the footer (hash, page number), drawn as each page is added so
// the document streams out page by page.
//
// pdfkit notes (0.20.2) this file works around:
// - `text(…, { continued: true })` chains share one line wrapper and *inherit every option the
//   next call does not set* (underline, strike, oblique, lineGap…), so each call sets them all.
// - The line advance is taken from the font current when a line is emitted, which may be a
//   smaller run (the comment marker): each run's `lineGap` evens the advance out.
// - A "\n" inside a continued chain re-applies the continuation indent to the next line, and a
//   chain ended with `text("")` leaves the cursor on the last line: a line break here ends the
//   chain on its last real piece and starts a new one; an empty line just moves down.
// - `pageAdded` fires from inside the wrapper (mid-paragraph page break): the header/footer
//   code parks the wrapper and the inherited options, draws without wrapping (so it can never
//   add a page), and restores the cursor, font and fill colour.

import PDFDocument from "pdfkit";
import { ENGLISH_WORDS, inlineText, type Block, type ExportDoc, type Inline, type Marks, type PaperSize } from "./model.ts";
import { charScript, paragraphScript, splitByScript, type Script } from "./scripts.ts";
import { formatExportDate } from "./format-date.ts";
import { currentFontHas, familyFor, PROPORTIONAL_IN_JP, useFont, type FontFamily } from "./pdf-fonts.ts";

const PAPER: Record<PaperSize, [number, number]> = { A4: [595.28, 841.89], LETTER: [612, 792] };
const MARGIN_X = 72;
const MARGIN_TOP = 76;
const MARGIN_BOTTOM = 76;

const BLACK = "#111827";
const GREY = "#6b7280";
const QUOTE = "#374151";
const CODE = "#0f766e";
const INSERT = "#1d4ed8";
const DELETE = "#b91c1c";

const BODY_SIZE = 11;
const BODY_GAP = 1.5;
const HEADING_SIZES = [20, 16, 14, 12.5, 11.5, 11] as const;
const LIST_INDENT = 18;
const MARKER_SCALE = 0.7;
/** Blocks rendered between two yields to the event loop (a long export must not stall the server). */
const BLOCKS_PER_SLICE = 40;

/** pdfkit's private text state, parked while the header and footer are drawn. */
type TextInternals = { _wrapper: unknown; _textOptions: unknown };

/** One run of text with one look; split into per-script font runs when written. */
type Piece = { text: string; bold: boolean; italic: boolean; strike: boolean; underline: boolean; color: string; size: number };

/** Where and how a paragraph is set. */
type Frame = { x: number; width: number; size: number; bold: boolean; italic: boolean; color: string };

/** Starts rendering; the returned document is a Readable stream of the PDF bytes (pipe it or collect it). */
export function renderPdf(doc: ExportDoc, opts: { paper: PaperSize }): PDFKit.PDFDocument {
  const [pageWidth, pageHeight] = PAPER[opts.paper];
  const pdf = new PDFDocument({
    size: [pageWidth, pageHeight],
    margins: { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, left: MARGIN_X, right: MARGIN_X },
    autoFirstPage: false,
    // No default font: pdfkit would load Helvetica (no CJK, no Vietnamese). Every run sets one.
    font: null as unknown as string,
    pdfVersion: "1.7",
    lang: "en",
    displayTitle: true,
    info: { Title: doc.meta.title, Author: "Accord", Subject: doc.meta.subtitle, Creator: "Accord" },
  });
  const r = new Renderer(pdf, doc, pageWidth);
  pdf.on("pageAdded", () => r.pageAdded());
  pdf.addPage();
  r.titleBlock();

  let next = 0;
  const slice = (): void => {
    if (pdf.destroyed) return;
    const end = Math.min(doc.blocks.length, next + BLOCKS_PER_SLICE);
    for (; next < end; next++) r.block(doc.blocks[next]!);
    if (next < doc.blocks.length) {
      setImmediate(run);
      return;
    }
    r.comments();
    pdf.end();
  };
  const run = (): void => {
    try {
      slice();
    } catch (err) {
      pdf.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  };
  // The first slice runs now, so a missing font fails the call itself; later slices report on the stream.
  slice();
  return pdf;
}

/** The whole PDF in memory (tests, benchmarks, small files). */
export async function pdfBuffer(doc: ExportDoc, opts: { paper: PaperSize }): Promise<Buffer> {
  const pdf = renderPdf(doc, opts);
  const chunks: Buffer[] = [];
  for await (const chunk of pdf as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

class Renderer {
  private page = 0;
  private hashLines: string[] | undefined;
  /** The font and colour the body text last set: restored after a header/footer. */
  private cur: { family: FontFamily; bold: boolean; size: number; color: string } = { family: "sc", bold: false, size: BODY_SIZE, color: BLACK };
  private readonly left = MARGIN_X;
  private readonly width: number;
  /** A comment id → its 1-based number in doc.comments. */
  private readonly commentNo: Map<number, number>;

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly doc: ExportDoc,
    private readonly pageWidth: number,
  ) {
    this.width = pageWidth - 2 * MARGIN_X;
    this.commentNo = new Map(doc.comments.map((c, i) => [c.id, i + 1]));
  }

  // ── fonts and colour ────────────────────────────────────────────────────────────────────

  private font(family: FontFamily, bold: boolean, size: number): void {
    useFont(this.pdf, family, bold, size);
    this.cur.family = family;
    this.cur.bold = bold;
    this.cur.size = size;
  }

  private color(c: string): void {
    this.pdf.fillColor(c);
    this.cur.color = c;
  }

  /**
   * Splits text into runs of one font: the script's family, SC where that family lacks a glyph,
   * JP for Western punctuation among Latin text (see PROPORTIONAL_IN_JP).
   */
  private fontRuns(text: string, cjk: Exclude<Script, "latin">, bold: boolean, size: number): Array<{ text: string; family: FontFamily }> {
    const out: Array<{ text: string; family: FontFamily }> = [];
    const push = (t: string, family: FontFamily): void => {
      const last = out.at(-1);
      if (last && last.family === family) last.text += t;
      else out.push({ text: t, family });
    };
    let offset = 0;
    for (const seg of splitByScript(text, cjk)) {
      const start = offset;
      offset += seg.text.length;
      const family = familyFor(seg.script);
      if (family === "sc") {
        if (!PROPORTIONAL_IN_JP.test(seg.text)) {
          push(seg.text, "sc");
          continue;
        }
        let i = start;
        for (const ch of seg.text) {
          push(ch, PROPORTIONAL_IN_JP.test(ch) && !nextToCjk(text, i, ch.length, cjk) ? "jp" : "sc");
          i += ch.length;
        }
        continue;
      }
      // JP lacks simplified ideographs; SC is the fallback for anything the chosen face cannot draw.
      this.font(family, bold, size);
      for (const ch of seg.text) push(ch, /\s/u.test(ch) || currentFontHas(this.pdf, ch) ? family : "sc");
    }
    return out;
  }

  private widthOf(text: string, bold: boolean, size: number, cjk: Exclude<Script, "latin">): number {
    let w = 0;
    for (const run of this.fontRuns(text, cjk, bold, size)) {
      this.font(run.family, bold, size);
      w += this.pdf.widthOfString(run.text);
    }
    return w;
  }

  /** One line at (x, y), no wrapping, cut with "…" to `maxWidth`; leaves doc.x/doc.y as they were. */
  private drawLine(text: string, x: number, y: number, size: number, color: string, maxWidth: number, bold = false): number {
    const cjk = paragraphScript(text);
    if (this.widthOf(text, bold, size, cjk) > maxWidth) {
      const chars = Array.from(text);
      let lo = 0;
      let hi = chars.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (this.widthOf(chars.slice(0, mid).join("") + "…", bold, size, cjk) <= maxWidth) lo = mid;
        else hi = mid - 1;
      }
      text = chars.slice(0, lo).join("").trimEnd() + "…";
    }
    const { x: sx, y: sy } = this.pdf;
    this.color(color);
    let cx = x;
    for (const run of this.fontRuns(text, cjk, bold, size)) {
      this.font(run.family, bold, size);
      this.pdf.text(run.text, cx, y, { lineBreak: false });
      cx += this.pdf.widthOfString(run.text);
    }
    this.pdf.x = sx;
    this.pdf.y = sy;
    return cx - x;
  }

  /** Greedy lines of at most `maxWidth` (at spaces, else anywhere), at most `maxLines` (the last cut). */
  private fitLines(text: string, size: number, maxWidth: number, maxLines: number): string[] {
    const cjk = paragraphScript(text);
    const lines: string[] = [];
    let rest = text;
    while (rest && lines.length < maxLines - 1 && this.widthOf(rest, false, size, cjk) > maxWidth) {
      const chars = Array.from(rest);
      let n = 1;
      while (n < chars.length && this.widthOf(chars.slice(0, n + 1).join(""), false, size, cjk) <= maxWidth) n++;
      const head = chars.slice(0, n).join("");
      const space = head.lastIndexOf(" ");
      const cut = space > 0 && chars[n] !== " " ? space : head.length;
      lines.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
    }
    if (rest) lines.push(rest);
    return lines;
  }

  // ── page furniture ──────────────────────────────────────────────────────────────────────

  /** pdfkit's `pageAdded`: header and footer, without moving the cursor or adding a page. */
  pageAdded(): void {
    this.page++;
    const pdf = this.pdf;
    const internals = pdf as unknown as TextInternals;
    const saved = { x: pdf.x, y: pdf.y, wrapper: internals._wrapper, textOptions: internals._textOptions, cur: { ...this.cur } };
    // A continued chain in progress would otherwise lend its wrapper and options to these lines.
    internals._wrapper = null;
    internals._textOptions = null;

    const { meta } = this.doc;
    const h = this.pdf.page.height;
    const right = this.pageWidth - MARGIN_X;
    this.drawLine(`${meta.workshop} · ${meta.title}`, this.left, 30, 8, GREY, this.width);
    this.drawLine(`${meta.subtitle} · ${formatExportDate(meta.date, meta.timeZone, meta.locale)}`, this.left, 42, 8, GREY, this.width);
    pdf.save().moveTo(this.left, 58).lineTo(right, 58).lineWidth(0.5).strokeColor("#d1d5db").stroke().restore();

    const pageLabel = `${(meta.words ?? ENGLISH_WORDS).page} ${this.page}`;
    this.font("sc", false, 8);
    const pageW = pdf.widthOfString(pageLabel);
    const footY = h - 52;
    pdf.save().moveTo(this.left, footY - 6).lineTo(right, footY - 6).lineWidth(0.5).strokeColor("#d1d5db").stroke().restore();
    // The hash may wrap (two lines at most); measured once, with room kept for "Page 9999".
    const hashWidth = this.width - pdf.widthOfString(`${(meta.words ?? ENGLISH_WORDS).page} 9999`) - 12;
    this.hashLines ??= this.fitLines(`${meta.hashLabel} ${meta.sha256}`, 7, hashWidth, 2);
    this.hashLines.forEach((line, i) => this.drawLine(line, this.left, footY + i * 10, 7, GREY, hashWidth));
    this.drawLine(pageLabel, right - pageW, footY, 8, GREY, pageW + 1);

    internals._wrapper = saved.wrapper;
    internals._textOptions = saved.textOptions;
    pdf.x = saved.x;
    pdf.y = saved.y;
    this.font(saved.cur.family, saved.cur.bold, saved.cur.size);
    this.color(saved.cur.color);
  }

  /** Starts a new page unless `height` more points fit on this one. */
  private ensureSpace(height: number): void {
    if (this.pdf.y + height > this.pdf.page.maxY()) this.pdf.addPage();
  }

  // ── blocks ──────────────────────────────────────────────────────────────────────────────

  titleBlock(): void {
    const { meta } = this.doc;
    this.paragraph([{ ...plain(meta.title), bold: true, size: 22 }], this.frame({ size: 22, bold: true }), 4, paragraphScript(meta.title));
    this.paragraph([{ ...plain(meta.subtitle), color: GREY, size: 12 }], this.frame({ size: 12, color: GREY }), 18, paragraphScript(meta.subtitle));
  }

  private frame(f: Partial<Frame> = {}): Frame {
    return { x: this.left, width: this.width, size: BODY_SIZE, bold: false, italic: false, color: BLACK, ...f };
  }

  block(b: Block): void {
    switch (b.kind) {
      case "heading": {
        const size = HEADING_SIZES[b.level - 1] ?? BODY_SIZE;
        const frame = this.frame({ size, bold: true });
        this.pdf.y += b.level <= 2 ? 8 : 4;
        // Keep a heading with the first lines of what follows it.
        this.ensureSpace(size * 1.5 + 3 * BODY_SIZE * 1.6);
        this.inlines(b.inlines, frame, size * 0.4);
        return;
      }
      case "paragraph": {
        if (b.style === "quote") this.inlines(b.inlines, this.frame({ x: this.left + 24, width: this.width - 24, italic: true, color: QUOTE }), 8);
        else if (b.style === "code") this.inlines(b.inlines, this.frame({ x: this.left + 12, width: this.width - 12, size: 9.5, color: CODE }), 8);
        else if (b.style === "note") this.inlines(b.inlines, this.frame({ size: 9, color: GREY }), 6);
        else this.inlines(b.inlines, this.frame(), 8);
        return;
      }
      case "listItem": {
        const labelX = this.left + b.depth * LIST_INDENT;
        const cjk = paragraphScript(inlineText(b.inlines, { withDeleted: true }) + b.label);
        const labelW = b.label ? this.widthOf(b.label, false, BODY_SIZE, cjk) : 0;
        const textX = labelX + Math.max(LIST_INDENT + 4, labelW + 6);
        const frame = this.frame({ x: textX, width: this.left + this.width - textX });
        if (!b.continued && b.label) {
          this.ensureSpace(this.lineAdvance(frame));
          this.drawLine(b.label, labelX, this.pdf.y, BODY_SIZE, BLACK, textX - labelX);
        }
        this.inlines(b.inlines, frame, 5);
        return;
      }
      case "rule": {
        this.ensureSpace(16);
        const y = this.pdf.y + 6;
        this.pdf.save().moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.5).strokeColor("#9ca3af").stroke().restore();
        this.pdf.y = y + 10;
        return;
      }
    }
  }

  comments(): void {
    const { comments, meta } = this.doc;
    if (comments.length === 0) return;
    this.pdf.y += 10;
    this.ensureSpace(16 * 1.5 + 3 * BODY_SIZE * 1.6);
    this.paragraph([{ ...plain((meta.words ?? ENGLISH_WORDS).comments), bold: true, size: HEADING_SIZES[1] }], this.frame({ size: HEADING_SIZES[1], bold: true }), 6, "zh");
    comments.forEach((c, i) => {
      const [first = "", ...more] = c.paragraphs;
      const head = `${c.author}, ${formatExportDate(c.date, meta.timeZone, meta.locale)}: `;
      const text = `${head}${first}${more.join("")}`;
      const cjk = paragraphScript(text);
      const size = 10;
      this.paragraph(
        [
          { ...plain(`[${i + 1}] `), bold: true, size },
          { ...plain(head), bold: true, size, color: QUOTE },
          { ...plain(first), size },
        ],
        this.frame({ size }),
        more.length ? 2 : 6,
        cjk,
      );
      more.forEach((p, j) => this.paragraph([{ ...plain(p), size }], this.frame({ size, x: this.left + 18, width: this.width - 18 }), j === more.length - 1 ? 6 : 2, cjk));
    });
  }

  // ── inline text ─────────────────────────────────────────────────────────────────────────

  private inlines(inlines: readonly Inline[], frame: Frame, gapAfter: number): void {
    const cjk = paragraphScript(inlineText(inlines, { withDeleted: true }));
    const base = (marks: Marks, extra: Partial<Piece> = {}): Omit<Piece, "text"> => ({
      bold: frame.bold || !!marks.bold,
      italic: frame.italic || !!marks.italic,
      strike: !!marks.strike,
      underline: false,
      color: marks.code ? CODE : frame.color,
      size: frame.size,
      ...extra,
    });
    const pieces: Array<Piece | "break"> = [];
    const addText = (text: string, look: Omit<Piece, "text">): void => {
      const parts = text.replace(/\r\n?/g, "\n").replace(/\t/g, "    ").replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, "").split("\n");
      parts.forEach((p, i) => {
        if (i > 0) pieces.push("break");
        if (p) pieces.push({ text: p, ...look });
      });
    };
    for (const i of inlines) {
      if (i.kind === "text") addText(i.text, base(i));
      else if (i.kind === "break") pieces.push("break");
      else if (i.kind === "insert") for (const r of i.runs) addText(r.text, base(r, { underline: true, color: INSERT }));
      else if (i.kind === "delete") for (const r of i.runs) addText(r.text, base(r, { strike: true, color: DELETE }));
      else if (i.kind === "commentEnd") {
        const n = this.commentNo.get(i.id);
        if (n) pieces.push({ text: `[${n}]`, ...base({}, { bold: false, italic: false, color: GREY, size: frame.size * MARKER_SCALE }) });
      }
    }
    this.paragraph(pieces, frame, gapAfter, cjk);
  }

  /** The line advance of a frame's text (all Noto faces share vertical metrics). */
  private lineAdvance(frame: Frame): number {
    this.font("sc", frame.bold, frame.size);
    return this.pdf.currentLineHeight(true) + BODY_GAP;
  }

  /** Writes pieces as continued-text chains (one per line break), then moves `gapAfter` down. */
  private paragraph(pieces: ReadonlyArray<Piece | "break">, frame: Frame, gapAfter: number, cjk: Exclude<Script, "latin">): void {
    const pdf = this.pdf;
    const advance = this.lineAdvance(frame);
    const lines: Piece[][] = [[]];
    for (const p of pieces) {
      if (p === "break") lines.push([]);
      else lines.at(-1)!.push(p);
    }
    for (const line of lines) {
      // A run that is nothing but a font switch (text "") would end a chain without moving down.
      const runs: Array<Piece & { family: FontFamily }> = [];
      for (const p of line) {
        for (const fr of this.fontRuns(p.text, cjk, p.bold, p.size)) {
          const last = runs.at(-1);
          if (last && last.family === fr.family && sameLook(last, p)) last.text += fr.text;
          else runs.push({ ...p, text: fr.text, family: fr.family });
        }
      }
      if (runs.length === 0) {
        this.ensureSpace(advance);
        pdf.y += advance;
        continue;
      }
      pdf.x = frame.x;
      runs.forEach((run, i) => {
        this.font(run.family, run.bold, run.size);
        this.color(run.color);
        // Even out the line advance whatever run is current when pdfkit emits the line.
        const lineGap = advance - pdf.currentLineHeight(true);
        const options: PDFKit.Mixins.TextOptions = {
          continued: i < runs.length - 1,
          width: frame.width,
          lineGap,
          underline: run.underline,
          strike: run.strike,
          oblique: run.italic ? 12 : false,
        };
        if (i === 0) pdf.text(run.text, frame.x, pdf.y, options);
        else pdf.text(run.text, options);
      });
    }
    pdf.x = this.left;
    pdf.y += gapAfter;
  }
}

/** Whether the nearest non-space character before or after text[i, i+len) is CJK, kana or Hangul. */
function nextToCjk(text: string, i: number, len: number, cjk: Exclude<Script, "latin">): boolean {
  let b = i - 1;
  while (b >= 0 && /\s/u.test(text[b]!)) b--;
  let a = i + len;
  while (a < text.length && /\s/u.test(text[a]!)) a++;
  // A low surrogate: the character starts one code unit earlier.
  if (b >= 1 && (text.charCodeAt(b) & 0xfc00) === 0xdc00) b--;
  const isCjk = (at: number): boolean => at >= 0 && at < text.length && charScript(String.fromCodePoint(text.codePointAt(at)!), cjk) !== "latin";
  return isCjk(b) || isCjk(a);
}

function plain(text: string): Piece {
  return { text, bold: false, italic: false, strike: false, underline: false, color: BLACK, size: BODY_SIZE };
}

function sameLook(a: Piece, b: Piece): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.strike === b.strike && a.underline === b.underline && a.color === b.color && a.size === b.size;
}
