import { describe, expect, it, beforeAll, vi } from "vitest";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { pdfBuffer, renderPdf } from "./pdf.ts";
import { fontPath } from "./pdf-fonts.ts";
import type { Block, ExportDoc, Inline, TextRun } from "./model.ts";
import fs from "node:fs";

const SHA = "3f7a9c0e5b21d4e8f6a1c3b5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e1";

function text(t: string, marks: Record<string, boolean> = {}): TextRun {
  return { kind: "text", text: t, ...marks };
}

function para(...inlines: Inline[]): Block {
  return { kind: "paragraph", inlines };
}

function exportDoc(blocks: Block[], comments: ExportDoc["comments"] = []): ExportDoc {
  return {
    meta: {
      workshop: "Ocean Workshop",
      title: "Treaty on Plastic Pollution",
      subtitle: "Version 7 · Named “Before lunch”",
      version: 7,
      date: "2026-12-01T13:30:00Z",
      timeZone: "Europe/Paris",
      hashLabel: "SHA-256",
      sha256: SHA,
    },
    blocks,
    comments,
  };
}

type Item = { str: string; x: number; y: number };
type Parsed = { numPages: number; views: number[][]; pages: Item[][]; texts: string[]; info: Record<string, unknown>; raw: string };

async function parse(buf: Buffer): Promise<Parsed> {
  const pdf = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: Item[][] = [];
  const views: number[][] = [];
  const texts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    views.push([...page.view]);
    const content = await page.getTextContent();
    const items: Item[] = [];
    let joined = "";
    for (const it of content.items) {
      if (!("str" in it)) continue;
      if (it.str !== "") items.push({ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number });
      joined += it.str + (it.hasEOL ? "\n" : "");
    }
    pages.push(items);
    // pdfjs ends a "line" wherever the text matrix changes (oblique runs): compare whitespace-folded.
    texts.push(joined.replace(/\s+/g, " "));
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { numPages: pdf.numPages, views, pages, texts, info: info as Record<string, unknown>, raw: buf.toString("latin1") };
}

/** Each shown string on page 1 with the fill and stroke colours current when it was drawn. */
async function coloredText(buf: Buffer, pageNo = 1): Promise<Array<{ text: string; fill: string; stroke: string }>> {
  const pdf = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const page = await pdf.getPage(pageNo);
  const ops = await page.getOperatorList();
  const hex = (a: ArrayLike<number>): string => "#" + Array.from(a, (v) => v.toString(16).padStart(2, "0")).join("");
  let fill = "";
  let stroke = "";
  const out: Array<{ text: string; fill: string; stroke: string }> = [];
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i];
    if (fn === OPS.setFillRGBColor) fill = hex(args);
    else if (fn === OPS.setStrokeRGBColor) stroke = hex(args);
    else if (fn === OPS.showText) out.push({ text: (args[0] as Array<{ unicode?: string }>).map((g) => g?.unicode ?? "").join(""), fill, stroke });
  });
  await pdf.destroy();
  return out;
}

const COMMENTS: ExportDoc["comments"] = [
  { id: 40, author: "Maria Silva, Brazil (BRA)", initials: "MS", date: "2026-11-30T09:00:00Z", paragraphs: ["Unrelated thread."] },
  { id: 7, author: "Ken Sato, Japan (JPN)", initials: "KS", date: "2026-12-01T11:00:00Z", paragraphs: ["Please reconsider this wording.", "Ana Lima: Agreed, see article 2."] },
];

const RICH: Block[] = [
  { kind: "heading", level: 1, inlines: [text("Article 1 Scope")] },
  para(text("The parties "), text("shall", { bold: true }), text(" reduce "), text("plastic", { italic: true }), text(" pollution, don’t they?")),
  para(text("Delegation of 中华人民共和国 agrees.")),
  para(text("日本語の文書はひらがなを含みます。")),
  para(text("대한민국 대표단의 의견")),
  para(text("Tiếng Việt: Cộng hòa Xã hội chủ nghĩa Việt Nam")),
  { kind: "listItem", ordered: true, list: 1, depth: 0, label: "1.", inlines: [text("Reduce production")] },
  { kind: "listItem", ordered: true, list: 1, depth: 1, label: "a.", inlines: [text("Nested measure")] },
  { kind: "listItem", ordered: true, list: 1, depth: 1, label: "a.", continued: true, inlines: [text("Further paragraph of the measure")] },
  { kind: "listItem", ordered: true, list: 1, depth: 0, label: "2.", inlines: [text("Ban microbeads")] },
  { kind: "rule" },
  { kind: "paragraph", style: "quote", inlines: [text("Quoted wisdom")] },
  { kind: "paragraph", style: "code", inlines: [text("const x = 1;")] },
  { kind: "paragraph", style: "note", inlines: [text("A small note")] },
  para(
    text("Keep "),
    { kind: "insert", id: 1, author: "Japan (JPN)", date: "2026-12-01T10:00:00Z", runs: [text("newly inserted words")] },
    text(" and "),
    { kind: "delete", id: 2, author: "Japan (JPN)", date: "2026-12-01T10:00:00Z", runs: [text("struck old words")] },
    text("."),
  ),
  para(text("Before "), { kind: "commentStart", id: 7 }, text("commented passage"), { kind: "commentEnd", id: 7 }, text(" after."), { kind: "break" }, text("Second line")),
];

const LONG: Block[] = Array.from({ length: 150 }, (_, i) =>
  para(text(`Paragraph ${i + 1}: `), text("the parties shall endeavour to reduce plastic pollution ", { bold: i % 2 === 0 }), text("中文 ".repeat(3)), text("in marine environments. ".repeat(4))),
);

describe("pdfBuffer", () => {
  let rich: Buffer;
  let parsed: Parsed;
  beforeAll(async () => {
    rich = await pdfBuffer(exportDoc(RICH, COMMENTS), { paper: "A4" });
    parsed = await parse(rich);
  });

  it("writes a PDF with the title block and the body text", () => {
    expect(rich.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(parsed.numPages).toBe(1);
    const page = parsed.texts[0]!;
    expect(page).toContain("Treaty on Plastic Pollution");
    expect(page).toContain("Article 1 Scope");
    expect(page).toContain("The parties shall reduce plastic pollution, don’t they?");
    expect(page).toContain("Quoted wisdom");
    expect(page).toContain("const x = 1;");
    expect(page).toContain("A small note");
    expect(page).toContain("Before commented passage");
    expect(page).toContain("Second line");
  });

  it("extracts Chinese, Japanese, Korean and Vietnamese as those characters", () => {
    const page = parsed.texts[0]!;
    expect(page).toContain("中华人民共和国");
    expect(page).toContain("日本語の文書はひらがなを含みます。");
    expect(page).toContain("대한민국 대표단의 의견");
    expect(page).toContain("Tiếng Việt: Cộng hòa Xã hội chủ nghĩa Việt Nam");
  });

  it("prints the header and footer on the first page", () => {
    const page = parsed.texts[0]!;
    expect(page).toContain("Ocean Workshop · Treaty on Plastic Pollution");
    expect(page).toContain("Version 7 · Named “Before lunch” · 1 December 2026 at 14:30");
    expect(page).toContain(`SHA-256 ${SHA}`);
    expect(parsed.pages[0]!.map((i) => i.str)).toContain("Page 1");
    // The header sits above the title, the footer below the body (PDF y grows upwards).
    const y = (s: string): number => parsed.pages[0]!.find((i) => i.str.includes(s))!.y;
    // The title twice: in the header line and as the title block below it.
    const titles = parsed.pages[0]!.filter((i) => i.str === "Treaty on Plastic Pollution");
    expect(titles).toHaveLength(2);
    expect(y("Ocean Workshop")).toBeCloseTo(titles[0]!.y, 1);
    expect(titles[0]!.y).toBeGreaterThan(titles[1]!.y + 40);
    expect(y("SHA-256")).toBeLessThan(y("Second line"));
  });

  it("sets the document information and language", () => {
    expect(parsed.info.Title).toBe("Treaty on Plastic Pollution");
    expect(parsed.info.Author).toBe("Accord");
    expect(parsed.info.Subject).toBe("Version 7 · Named “Before lunch”");
    expect(parsed.info.Language).toBe("en");
  });

  it("writes list labels before the item text, and no label for a continued item", () => {
    const items = parsed.pages[0]!;
    const at = (s: string): number => items.findIndex((i) => i.str === s);
    const one = at("1.");
    const reduce = items.findIndex((i) => i.str.startsWith("Reduce production"));
    expect(one).toBeGreaterThanOrEqual(0);
    expect(reduce).toBeGreaterThan(one);
    expect(items.slice(one + 1, reduce).every((i) => i.str.trim() === "")).toBe(true);
    expect(items[one]!.y).toBeCloseTo(items[reduce]!.y, 1);
    expect(items[one]!.x).toBeLessThan(items[reduce]!.x);
    // "a." once: the continued paragraph has no label but the same indent as its item.
    expect(items.filter((i) => i.str === "a.")).toHaveLength(1);
    const nested = items.find((i) => i.str.startsWith("Nested measure"))!;
    const further = items.find((i) => i.str.startsWith("Further paragraph"))!;
    expect(further.x).toBeCloseTo(nested.x, 1);
    expect(nested.x).toBeGreaterThan(items[reduce]!.x);
    expect(at("2.")).toBeGreaterThan(reduce);
  });

  it("draws a redline's inserted and deleted text, each in its colour", async () => {
    expect(parsed.texts[0]).toContain("Keep newly inserted words and struck old words.");
    const shown = await coloredText(rich);
    const ins = shown.find((s) => s.text.includes("newly inserted words"))!;
    const del = shown.find((s) => s.text.includes("struck old words"))!;
    expect(ins.fill).toBe("#1d4ed8");
    expect(del.fill).toBe("#b91c1c");
    // pdfkit strokes underline and strike-through in the text colour.
    expect(ins.stroke).toBe("#1d4ed8");
    expect(del.stroke).toBe("#b91c1c");
    expect(shown.find((s) => s.text.startsWith("Keep"))!.fill).toBe("#111827");
  });

  it("marks a comment's end with its number and lists the comment after the text", () => {
    const page = parsed.texts[0]!;
    // id 7 is the second comment of the document: its marker is [2].
    expect(page).toContain("commented passage[2]");
    const heading = page.indexOf("Comments");
    expect(heading).toBeGreaterThan(page.indexOf("Second line"));
    const section = page.slice(heading);
    expect(section).toContain("[1] Maria Silva, Brazil (BRA), 30 November 2026 at 10:00: Unrelated thread.");
    expect(section).toContain("[2] Ken Sato, Japan (JPN), 1 December 2026 at 12:00: Please reconsider this wording.");
    expect(section).toContain("Ana Lima: Agreed, see article 2.");
  });

  it("embeds subset Noto fonts and never uses Helvetica", () => {
    expect(parsed.raw).toContain("/FontFile2");
    expect(parsed.raw).not.toContain("Helvetica");
    expect(parsed.raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(parsed.raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(parsed.raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKR-Regular/);
    expect(parsed.raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP-Regular/);
    // Subsets: far smaller than the 10 MB Noto Sans SC file alone.
    expect(rich.length).toBeLessThan(fs.statSync(fontPath("sc", false)).size / 20);
  });

  it("leaves out faces a document does not need", async () => {
    const buf = await pdfBuffer(exportDoc([para(text("Plain English only."))]), { paper: "A4" });
    const raw = buf.toString("latin1");
    expect(raw).toContain("NotoSansSC-Regular");
    expect(raw).not.toContain("NotoSansKR");
  });

  it("uses the paper size asked for", async () => {
    expect(parsed.views[0]).toEqual([0, 0, 595.28, 841.89]);
    const letter = await parse(await pdfBuffer(exportDoc(RICH), { paper: "LETTER" }));
    expect(letter.views[0]).toEqual([0, 0, 612, 792]);
  });
});

describe("multi-page documents", () => {
  let parsed: Parsed;
  beforeAll(async () => {
    parsed = await parse(await pdfBuffer(exportDoc(LONG), { paper: "A4" }));
  });

  it("flows onto several pages in order", () => {
    expect(parsed.numPages).toBeGreaterThanOrEqual(3);
    const all = parsed.texts.join("\n");
    let last = -1;
    for (let i = 1; i <= 150; i++) {
      const at = all.indexOf(`Paragraph ${i}: `);
      expect(at, `Paragraph ${i}`).toBeGreaterThan(last);
      last = at;
    }
  });

  it("repeats the header and footer and numbers every page", () => {
    parsed.texts.forEach((page, i) => {
      expect(page).toContain("Ocean Workshop · Treaty on Plastic Pollution");
      expect(page).toContain("Version 7 · Named “Before lunch” · 1 December 2026 at 14:30");
      expect(page).toContain(`SHA-256 ${SHA}`);
      expect(parsed.pages[i]!.map((it) => it.str)).toContain(`Page ${i + 1}`);
    });
    expect(parsed.texts[0]).not.toContain("Page 2");
    expect(parsed.pages[1]!.map((it) => it.str)).toContain("Page 2");
  });

  it("keeps body text between the header and the footer", () => {
    for (const items of parsed.pages) {
      const body = items.filter((i) => /Paragraph|parties|marine|中文/.test(i.str));
      const header = items.find((i) => i.str.startsWith("Ocean Workshop"))!;
      const footer = items.find((i) => i.str.startsWith("SHA-256"))!;
      expect(body.length).toBeGreaterThan(0);
      for (const b of body) {
        expect(b.y).toBeLessThan(header.y - 20);
        expect(b.y).toBeGreaterThan(footer.y + 20);
      }
    }
  });
});

describe("renderPdf", () => {
  it("returns a readable stream of the PDF", async () => {
    const stream = renderPdf(exportDoc([para(text("Streamed"))]), { paper: "LETTER" });
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      stream.on("data", (c: Buffer) => chunks.push(Buffer.from(c)));
      stream.on("end", () => resolve());
      stream.on("error", reject);
    });
    const buf = Buffer.concat(chunks);
    expect(buf.subarray(buf.length - 6).toString("latin1")).toContain("%%EOF");
    expect((await parse(buf)).texts[0]).toContain("Streamed");
  });
});

describe("fonts", () => {
  it("fails with an error naming the package when a font file is missing", async () => {
    // Korean in bold needs Noto Sans KR 700, which no other test here loads (faces are cached).
    const real = fs.readFileSync;
    const spy = vi.spyOn(fs, "readFileSync").mockImplementation(((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (String(file).includes("NotoSansKR_700Bold")) throw Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" });
      return (real as (...a: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.readFileSync);
    try {
      await expect(pdfBuffer(exportDoc([para(text("대한민국", { bold: true }))]), { paper: "A4" })).rejects.toThrow(
        /NotoSansKR_700Bold\.ttf of package @expo-google-fonts\/noto-sans-kr not found/,
      );
    } finally {
      spy.mockRestore();
    }
  });

  it("resolves every face to a file of its package", () => {
    for (const family of ["sc", "jp", "kr"] as const) {
      for (const bold of [false, true]) {
        const file = fontPath(family, bold);
        expect(file).toContain(`noto-sans-${family}`);
        expect(fs.existsSync(file)).toBe(true);
      }
    }
  });
});
