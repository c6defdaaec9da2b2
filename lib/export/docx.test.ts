import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import mammoth from "mammoth";
import { renderDocx } from "./docx.ts";
import { formatExportDate } from "./format-date.ts";
import type { Block, ExportDoc, ExportMeta, Inline, TextRun } from "./model.ts";

const AUTHOR = "Japan (JPN)";
const WHEN = "2026-12-01T10:00:00Z";
const SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

const meta: ExportMeta = {
  workshop: "Ocean Governance Workshop",
  title: "Draft resolution on fisheries",
  subtitle: "Version 7 · Named “Before lunch”",
  version: 7,
  date: "2026-12-01T13:30:00Z",
  timeZone: "Asia/Tokyo",
  hashLabel: "SHA-256",
  sha256: SHA,
};

const t = (text: string, marks: Partial<Record<"bold" | "italic" | "strike" | "code", boolean>> = {}): TextRun => ({ kind: "text", text, ...marks });
const p = (...inlines: Inline[]): Block => ({ kind: "paragraph", inlines });
const li = (list: number, text: string, extra: { ordered?: boolean; depth?: number; continued?: boolean } = {}): Block => ({
  kind: "listItem",
  ordered: extra.ordered ?? true,
  list,
  depth: extra.depth ?? 0,
  label: "1.",
  ...(extra.continued ? { continued: true } : {}),
  inlines: [t(text)],
});

const fixture: ExportDoc = {
  meta,
  blocks: [
    { kind: "heading", level: 1, inlines: [t("Preamble")] },
    { kind: "heading", level: 3, inlines: [t("Operative clauses")] },
    p(t("Adopted by 中华人民共和国 delegation")),
    p(t("ひらがな and 日本語")),
    p(t("대한민국 supports this")),
    p(t("Bold", { bold: true }), t(" "), t("Italic", { italic: true }), t(" "), t("Struck", { strike: true }), t(" "), t("codeWord", { code: true })),
    { kind: "paragraph", style: "quote", inlines: [t("A quoted line")] },
    { kind: "paragraph", style: "code", inlines: [t("let x = 1;")] },
    { kind: "paragraph", style: "note", inlines: [t("A small note")] },
    li(1, "Alpha"),
    li(1, "Beta"),
    li(1, "Beta nested", { depth: 1 }),
    li(1, "Beta continued", { depth: 1, continued: true }),
    p(t("Between the lists")),
    li(2, "Gamma"),
    li(3, "Dot", { ordered: false }),
    p(
      t("Members "),
      { kind: "insert", id: 1, author: AUTHOR, date: WHEN, runs: [t("shall promptly"), t(" 中文", { bold: true })] },
      t(" "),
      { kind: "delete", id: 2, author: AUTHOR, date: WHEN, runs: [t("may eventually", { italic: true })] },
      t(" report."),
    ),
    p(t("Before "), { kind: "commentStart", id: 7 }, t("the commented passage"), { kind: "commentEnd", id: 7 }, t(" after.")),
    p(t("Line one"), { kind: "break" }, t("Line two")),
    p(),
    { kind: "rule" },
    p(t("The end")),
  ],
  comments: [
    {
      id: 7,
      author: "Ken Sato, Japan (JPN)",
      initials: "KS",
      date: WHEN,
      paragraphs: ["Please reconsider this wording.", "Ana Lima: Agreed."],
    },
  ],
};

async function open(doc: ExportDoc, paper: "A4" | "LETTER" = "A4") {
  const buffer = await renderDocx(doc, { paper });
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`missing ${name}`);
    return file.async("string");
  };
  const all = async (re: RegExp) => {
    const names = Object.keys(zip.files).filter((n) => re.test(n));
    return (await Promise.all(names.map((n) => zip.file(n)!.async("string")))).join("\n");
  };
  return {
    buffer,
    zip,
    document: await read("word/document.xml"),
    headers: await all(/^word\/header\d*\.xml$/),
    footers: await all(/^word\/footer\d*\.xml$/),
    numbering: await read("word/numbering.xml"),
    comments: zip.file("word/comments.xml") ? await read("word/comments.xml") : "",
    core: await read("docProps/core.xml"),
  };
}

const decode = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Every w:r with its properties XML and its text (w:t and w:delText). */
function runs(xml: string): Array<{ rPr: string; text: string; xml: string }> {
  return [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => {
    const body = m[1]!;
    const rPr = /<w:rPr>(.*?)<\/w:rPr>/.exec(body)?.[1] ?? "";
    const text = [...body.matchAll(/<w:(?:t|delText)(?: [^>]*)?>(.*?)<\/w:(?:t|delText)>/g)].map((x) => decode(x[1]!)).join("");
    return { rPr, text, xml: body };
  });
}

/** The paragraphs of document.xml, with their properties and their runs' text. */
function paragraphs(xml: string): Array<{ pPr: string; text: string; xml: string }> {
  const body = /<w:body>(.*)<\/w:body>/s.exec(xml)![1]!;
  return [...body.matchAll(/<w:p>(.*?)<\/w:p>|<w:p\/>/g)].map((m) => {
    const inner = m[1] ?? "";
    return { pPr: /<w:pPr>(.*?)<\/w:pPr>/.exec(inner)?.[1] ?? "", text: runs(inner).map((r) => r.text).join(""), xml: inner };
  });
}

const paragraphWith = (xml: string, text: string) => {
  const found = paragraphs(xml).find((para) => para.text.includes(text));
  if (!found) throw new Error(`no paragraph with ${text}`);
  return found;
};

const numPrOf = (pPr: string) => {
  const m = /<w:numPr><w:ilvl w:val="(\d+)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(pPr);
  return m ? { level: Number(m[1]), numId: m[2]! } : null;
};

describe("renderDocx", () => {
  it("writes every text, CJK included, readable by mammoth", async () => {
    const { buffer } = await open(fixture);
    const { value } = await mammoth.extractRawText({ buffer });
    for (const text of ["Preamble", "中华人民共和国", "ひらがな", "日本語", "대한민국", "Members shall promptly 中文", "the commented passage", "The end", "Line one"]) {
      expect(value).toContain(text);
    }
    // A tracked deletion is not part of the text as it now reads.
    expect(value).not.toContain("may eventually");
  });

  it("gives CJK runs their script's East Asian font and language, and Latin runs no CJK language", async () => {
    const { document } = await open(fixture);
    const all = runs(document);
    const cases: Array<[string, string, string]> = [
      ["中华人民共和国", "Microsoft YaHei", "zh-CN"],
      ["ひらがな", "Yu Gothic", "ja-JP"],
      ["日本語", "Yu Gothic", "ja-JP"], // ideographs in a paragraph with kana are Japanese
      ["대한민국", "Malgun Gothic", "ko-KR"],
    ];
    for (const [text, font, lang] of cases) {
      const run = all.find((r) => r.text.includes(text));
      expect(run, text).toBeDefined();
      expect(run!.rPr).toContain(`w:eastAsia="${font}"`);
      expect(run!.rPr).toContain(`w:ascii="Calibri"`);
      expect(run!.rPr).toContain(`w:hAnsi="Calibri"`);
      expect(run!.rPr).toMatch(new RegExp(`<w:lang [^>]*w:eastAsia="${lang}"`));
      // Split per script: no Latin letters in a CJK run.
      expect(run!.text).not.toMatch(/[A-Za-z]/);
    }
    const latin = all.filter((r) => /[A-Za-z]/.test(r.text));
    expect(latin.length).toBeGreaterThan(10);
    for (const run of latin) {
      expect(run.text).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/);
      expect(run.rPr).not.toMatch(/<w:lang[^>]*(zh|ja|ko)-/);
    }
    // Latin text next to Chinese in the same paragraph stays Calibri, East Asian font of the paragraph.
    const adopted = all.find((r) => r.text === "Adopted by ");
    expect(adopted?.rPr).toContain('w:ascii="Calibri"');
  });

  it("uses Word's heading styles and the paragraph styles", async () => {
    const { document, zip } = await open(fixture);
    expect(paragraphWith(document, "Preamble").pPr).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraphWith(document, "Operative clauses").pPr).toContain('<w:pStyle w:val="Heading3"/>');
    expect(paragraphWith(document, "A quoted line").pPr).toContain('<w:pStyle w:val="Quote"/>');
    expect(paragraphWith(document, "let x = 1;").pPr).toContain('<w:pStyle w:val="Code"/>');
    expect(paragraphWith(document, "A small note").pPr).toContain('<w:pStyle w:val="Note"/>');
    expect(runs(paragraphWith(document, "let x = 1;").xml)[0]!.rPr).toContain('w:ascii="Consolas"');

    const styles = await zip.file("word/styles.xml")!.async("string");
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>(.*?)</w:style>`).exec(styles)?.[1] ?? "";
    expect(style("Quote")).toContain("<w:i/>");
    expect(style("Quote")).toMatch(/<w:ind w:left="720"/);
    expect(style("Code")).toContain('w:ascii="Consolas"');
    expect(style("Note")).toContain('<w:color w:val="666666"/>');
    expect(style("Note")).toContain('<w:sz w:val="18"/>');
    expect(style("Heading1")).toContain("<w:b/>");
    // Document defaults: Calibri with an East Asian fallback.
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:ascii="Calibri"[^>]*w:eastAsia="Microsoft YaHei"/);
  });

  it("puts bold, italic, strike and code marks on runs", async () => {
    const { document } = await open(fixture);
    const all = runs(document);
    expect(all.find((r) => r.text === "Bold")!.rPr).toContain("<w:b/>");
    expect(all.find((r) => r.text === "Italic")!.rPr).toContain("<w:i/>");
    expect(all.find((r) => r.text === "Struck")!.rPr).toContain("<w:strike/>");
    expect(all.find((r) => r.text === "codeWord")!.rPr).toContain('w:ascii="Consolas"');
    expect(all.find((r) => r.text === "Bold")!.rPr).not.toContain("<w:i/>");
  });

  it("numbers lists with Word numbering, one instance per list", async () => {
    const { document, numbering } = await open(fixture);
    const alpha = numPrOf(paragraphWith(document, "Alpha").pPr);
    const beta = numPrOf(paragraphWith(document, "Beta").pPr);
    const nested = numPrOf(paragraphWith(document, "Beta nested").pPr);
    const gamma = numPrOf(paragraphWith(document, "Gamma").pPr);
    const dot = numPrOf(paragraphWith(document, "Dot").pPr);
    expect(alpha).toEqual({ level: 0, numId: alpha!.numId });
    expect(beta).toEqual({ level: 0, numId: alpha!.numId });
    expect(nested).toEqual({ level: 1, numId: alpha!.numId });
    // The second list is its own instance, so it restarts at 1.
    expect(gamma!.numId).not.toBe(alpha!.numId);
    expect(dot!.numId).not.toBe(alpha!.numId);
    expect(dot!.numId).not.toBe(gamma!.numId);

    const num = (id: string) => new RegExp(`<w:num w:numId="${id}"[^>]*>(.*?)</w:num>`).exec(numbering)?.[1] ?? "";
    for (const id of [alpha!.numId, gamma!.numId]) {
      expect(num(id)).toMatch(/<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"\/>/);
    }
    const abstractOf = (id: string) => {
      const absId = /<w:abstractNumId w:val="(\d+)"\/>/.exec(num(id))![1];
      return new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${absId}"[^>]*>(.*?)</w:abstractNum>`).exec(numbering)![1]!;
    };
    // Ordered lists: "1." then "a)"; bullets for the unordered one.
    expect(abstractOf(alpha!.numId)).toMatch(/<w:lvl w:ilvl="0"[^>]*><w:start w:val="1"\/><w:numFmt w:val="decimal"\/><w:lvlText w:val="%1."\/>/);
    expect(abstractOf(alpha!.numId)).toMatch(/<w:lvl w:ilvl="1"[^>]*><w:start w:val="1"\/><w:numFmt w:val="lowerLetter"\/><w:lvlText w:val="%2\)"\/>/);
    expect(abstractOf(dot!.numId)).toMatch(/<w:lvl w:ilvl="0"[^>]*>.*?<w:numFmt w:val="bullet"\/>/);

    // A continued paragraph: indented like its item (level 1), without a number.
    const continued = paragraphWith(document, "Beta continued").pPr;
    expect(numPrOf(continued)).toBeNull();
    expect(continued).toContain('<w:ind w:left="1440"/>');
    expect(numPrOf(paragraphWith(document, "Between the lists").pPr)).toBeNull();
  });

  it("writes the header and footer: titles, date in the workshop's zone, hash and page fields", async () => {
    const { headers, footers } = await open(fixture);
    const headerText = runs(headers).map((r) => r.text).join("|");
    expect(headerText).toContain("Ocean Governance Workshop · Draft resolution on fisheries");
    // 13:30 UTC is 22:30 in Tokyo.
    expect(headerText).toContain("Version 7 · Named “Before lunch” · 1 December 2026 at 22:30");
    const footerText = runs(footers).map((r) => r.text).join("");
    expect(footerText).toContain(`SHA-256 ${SHA}`);
    expect(footerText).toContain("Page ");
    expect(footerText).toContain(" of ");
    expect(footers).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footers).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
  });

  it("writes tracked changes as w:ins / w:del with the author, date and text, ids unique", async () => {
    const { document } = await open(fixture);
    const ins = [...document.matchAll(/<w:ins ([^>]*)>(.*?)<\/w:ins>/g)];
    const del = [...document.matchAll(/<w:del ([^>]*)>(.*?)<\/w:del>/g)];
    expect(ins.map((m) => runs(m[2]!).map((r) => r.text).join("")).join("")).toBe("shall promptly 中文");
    expect(del.map((m) => runs(m[2]!).map((r) => r.text).join("")).join("")).toBe("may eventually");
    expect(del[0]![2]).toContain("<w:delText");
    for (const m of [...ins, ...del]) {
      expect(m[1]).toContain(`w:author="${AUTHOR}"`);
      expect(m[1]).toContain('w:date="2026-12-01T10:00:00Z"');
    }
    // Marks and CJK fonts survive inside changes.
    const chinese = runs(ins.map((m) => m[2]).join("")).find((r) => r.text.includes("中文"))!;
    expect(chinese.rPr).toContain("<w:b/>");
    expect(chinese.rPr).toContain('w:eastAsia="Microsoft YaHei"');
    expect(runs(del[0]![2]!)[0]!.rPr).toContain("<w:i/>");
    // The insertion is split into several docx runs; every w:ins / w:del still has its own id.
    const ids = [...ins, ...del].map((m) => /w:id="(\d+)"/.exec(m[1]!)![1]);
    expect(ins.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("writes comments with their ranges and reference", async () => {
    const { document, comments } = await open(fixture);
    const comment = /<w:comment ([^>]*)>(.*?)<\/w:comment>/.exec(comments);
    expect(comment).not.toBeNull();
    expect(comment![1]).toContain('w:id="7"');
    expect(comment![1]).toContain('w:author="Ken Sato, Japan (JPN)"');
    expect(comment![1]).toContain('w:initials="KS"');
    expect(comment![1]).toMatch(/w:date="2026-12-01T10:00:00/);
    const paras = [...comment![2]!.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => runs(m[1]!).map((r) => r.text).join(""));
    expect(paras).toEqual(["Please reconsider this wording.", "Ana Lima: Agreed."]);

    const start = document.indexOf('<w:commentRangeStart w:id="7"/>');
    const passage = document.indexOf("the commented passage");
    const end = document.indexOf('<w:commentRangeEnd w:id="7"/>');
    const reference = document.indexOf('<w:commentReference w:id="7"/>');
    expect(start).toBeGreaterThan(0);
    expect(start).toBeLessThan(passage);
    expect(passage).toBeLessThan(end);
    expect(end).toBeLessThan(reference);
  });

  it("keeps line breaks and empty paragraphs, and a rule", async () => {
    const { document } = await open(fixture);
    expect(paragraphWith(document, "Line one").xml).toMatch(/Line one<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:r>.*Line two/);
    const all = paragraphs(document);
    const twoIdx = all.findIndex((x) => x.text.includes("Line two"));
    expect(all[twoIdx + 1]!.text).toBe("");
    expect(all[twoIdx + 2]!.pPr).toContain("<w:bottom ");
    expect(all[twoIdx + 3]!.text).toBe("The end");
  });

  it("sets the page size and margins for A4 and Letter", async () => {
    const a4 = await open(fixture, "A4");
    expect(a4.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(a4.document).toMatch(/<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417"/);
    const letter = await open(fixture, "LETTER");
    expect(letter.document).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(letter.document).toMatch(/<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/);
  });

  it("sets the document properties", async () => {
    const { core } = await open(fixture);
    expect(core).toContain("<dc:title>Draft resolution on fisheries</dc:title>");
    expect(core).toContain("<dc:creator>Accord</dc:creator>");
    expect(core).toContain("<dc:description>Version 7 · Named “Before lunch”</dc:description>");
  });

  it("skips orphan comment marks and still writes a readable file", async () => {
    const doc: ExportDoc = {
      meta,
      blocks: [
        p(t("Start only "), { kind: "commentStart", id: 1 }, t("dangling")),
        p({ kind: "commentEnd", id: 2 }, t("End only")),
        p({ kind: "commentEnd", id: 4 }, t("Backwards "), { kind: "commentStart", id: 4 }, t("wrong order")),
        p({ kind: "commentStart", id: 9 }, t("Unknown comment"), { kind: "commentEnd", id: 9 }),
        p({ kind: "commentStart", id: 3 }, t("Good one"), { kind: "commentEnd", id: 3 }),
      ],
      comments: [1, 2, 3, 4].map((id) => ({ id, author: "A", initials: "A", date: WHEN, paragraphs: [`Comment ${id}`] })),
    };
    const { buffer, document, comments } = await open(doc);
    for (const id of [1, 2, 4, 9]) {
      expect(document).not.toContain(`<w:commentRangeStart w:id="${id}"/>`);
      expect(document).not.toContain(`<w:commentRangeEnd w:id="${id}"/>`);
      expect(document).not.toContain(`<w:commentReference w:id="${id}"/>`);
    }
    expect(document).toContain('<w:commentRangeStart w:id="3"/>');
    expect(document).toContain('<w:commentRangeEnd w:id="3"/>');
    expect(document).toContain('<w:commentReference w:id="3"/>');
    expect(comments).toContain("Comment 3");
    const { value } = await mammoth.extractRawText({ buffer });
    for (const text of ["dangling", "End only", "wrong order", "Unknown comment", "Good one"]) expect(value).toContain(text);
  });

  it("drops characters XML cannot carry instead of writing a broken file", async () => {
    const doc: ExportDoc = { meta, blocks: [p(t("bell\u0007 and \u000bvertical tab"))], comments: [] };
    const { buffer, document } = await open(doc);
    expect(document).toContain("bell and vertical tab");
    expect((await mammoth.extractRawText({ buffer })).value).toContain("bell and vertical tab");
  });
});

describe("formatExportDate", () => {
  it("formats in the given zone, en-GB long date and short time", () => {
    expect(formatExportDate("2026-12-01T13:30:00Z", "Asia/Tokyo")).toBe("1 December 2026 at 22:30");
    expect(formatExportDate("2026-07-01T13:30:00Z", "Europe/London")).toBe("1 July 2026 at 14:30");
  });
  it("falls back to UTC for an invalid zone", () => {
    expect(formatExportDate("2026-12-01T13:30:00Z", "Not/AZone")).toBe("1 December 2026 at 13:30");
    expect(formatExportDate("2026-12-01T13:30:00Z", "")).toBe("1 December 2026 at 13:30");
  });
});
