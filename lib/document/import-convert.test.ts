// Starting texts from every source, as the editor's schema holds them: headings, numbered
// clauses, bold and italic kept; Chinese, Japanese and Korean text kept character for character;
// what the importer cannot read refused in words.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDocx } from "../../tests/helpers/docx-fixture.ts";
import { docFromState, pmJsonOf, plainTextOf, type PmJson } from "./convert.ts";
import { convertStartingText, decodeTextFile, ImportProblem, startingDoc } from "./import-convert.ts";
import { MAX_STARTING_BLOCKS, MAX_STARTING_TEXT_CHARS, importKindOf, type StartingTextSource } from "./starting-text.ts";

const ZH = "各方同意建立区域公共卫生应急合作机制，共享疫情信息。";
const JA = "締約国は、中小企業の資金繰りを支援するため協力する。";
const KO = "당사국은 도시 간 교류를 확대한다.";

const p = (...content: PmJson[]): PmJson => ({ type: "paragraph", content });
const t = (text: string, ...marks: string[]): PmJson => (marks.length ? { type: "text", text, marks: marks.map((type) => ({ type })) } : { type: "text", text });
const h = (level: number, text: string): PmJson => ({ type: "heading", attrs: { level }, content: [t(text)] });

async function docOf(source: StartingTextSource): Promise<PmJson> {
  return (await startingDoc(source)).doc;
}

/** Blocks with their attributes reduced to what the tests are about (levels; list starts). */
function shape(doc: PmJson): PmJson[] {
  const strip = (n: PmJson): PmJson => {
    const out: PmJson = { type: n.type };
    if (n.type === "heading") out.attrs = { level: n.attrs?.level };
    if (n.text !== undefined) out.text = n.text;
    if (n.marks) out.marks = n.marks.map((m) => ({ type: m.type }));
    if (n.content) out.content = n.content.map(strip);
    return out;
  };
  return (doc.content ?? []).map(strip);
}

const orderedList = (...items: PmJson[][]): PmJson => ({ type: "orderedList", content: items.map((content) => ({ type: "listItem", content: [p(...content)] })) });

describe("each source gives the same structure", () => {
  const expected = [h(2, "Article 1"), p(t("The Parties "), t("agree", "bold"), t(" to "), t("cooperate", "italic"), t(".")), orderedList([t("First clause.")], [t("Second "), t("clause", "bold"), t(".")])];

  it.each<[string, StartingTextSource]>([
    ["Markdown", { kind: "markdown", text: "# Article 1\n\nThe Parties **agree** to *cooperate*.\n\n1. First clause.\n2. Second **clause**.\n" }],
    ["HTML", { kind: "html", html: "<h1>Article 1</h1><p>The Parties <strong>agree</strong> to <em>cooperate</em>.</p><ol><li>First clause.</li><li>Second <b>clause</b>.</li></ol>" }],
    [
      "a Markdown file",
      { kind: "file-text", format: "markdown", bytes: new TextEncoder().encode("# Article 1\n\nThe Parties __agree__ to _cooperate_.\n\n1. First clause.\n1. Second **clause**.\n") },
    ],
  ])("%s: headings, numbered clauses, bold and italic", async (_, source) => {
    expect(shape(await docOf(source))).toEqual(expected);
  });

  it("a file's top heading level becomes the section heading (h2: the page's title is its h1), deeper ones sub-headings", async () => {
    const doc = await docOf({ kind: "markdown", text: "# Part\n\n## Article\n\n#### Detail\n" });
    expect(shape(doc)).toEqual([h(2, "Part"), h(3, "Article"), h(3, "Detail")]);
    // Relative to the file: one whose top heading is "##" still opens with a section heading.
    expect(shape(await docOf({ kind: "markdown", text: "## Article\n\n### Detail\n" }))).toEqual([h(2, "Article"), h(3, "Detail")]);
  });

  it("a Word document: heading style, numbered paragraphs, bold and italic runs, Chinese and Japanese paragraphs", async () => {
    const doc = await docOf({ kind: "docx", bytes: await buildDocx() });
    expect(shape(doc)).toEqual([
      h(2, "Regional Public-Health Cooperation Mechanism"),
      p(t("The Parties "), t("agree", "bold"), t(" to share "), t("early-warning data", "italic"), t(" within 24 hours.")),
      orderedList([t("Establish a joint liaison office.")], [t("Hold "), t("quarterly", "bold"), t(" expert meetings.")]),
      p(t(ZH)),
      p(t(JA)),
    ]);
  });

  it("the checked-in browser-test fixture (e2e/fixtures/starting-draft.docx) is the one built here", async () => {
    const fixture = readFileSync(new URL("../../e2e/fixtures/starting-draft.docx", import.meta.url));
    expect(shape(await docOf({ kind: "docx", bytes: new Uint8Array(fixture) }))).toEqual(shape(await docOf({ kind: "docx", bytes: await buildDocx() })));
  });
});

describe("Chinese, Japanese and Korean text is kept exactly", () => {
  const lines = [ZH, JA, KO, "　全角スペースで始まる段落（第３条）", "混合 text 与 English，标点：「」『』"];

  it.each<[string, (text: string) => StartingTextSource]>([
    ["plain text", (text) => ({ kind: "text", text })],
    ["Markdown", (text) => ({ kind: "markdown", text: text.replace(/\n/g, "\n\n") })],
    ["a UTF-8 text file", (text) => ({ kind: "file-text", format: "text", bytes: new TextEncoder().encode(`\uFEFF${text}`) })],
    ["HTML", (text) => ({ kind: "html", html: text.split("\n").map((l) => `<p>${l}</p>`).join("") })],
  ])("%s", async (_, make) => {
    const doc = await docOf(make(lines.join("\n")));
    // HTML collapses leading white space as a browser does; the ideographic space is not white space there.
    expect(plainTextOf(doc).split("\n")).toEqual(lines);
  });

  it("through the Yjs state the draft is stored as", async () => {
    const result = await convertStartingText({ kind: "markdown", text: `## ${JA}\n\n${ZH} **${KO}**` });
    if (!result.ok) throw new Error(result.problem);
    expect(plainTextOf(pmJsonOf(docFromState(result.state)))).toBe(`${JA}\n${ZH} ${KO}`);
    expect(result.characters).toBe(JA.length + ZH.length + 1 + KO.length);
  });

  it("a Markdown line break inside a paragraph joins Chinese or Japanese without a space, other words with one", async () => {
    const doc = await docOf({ kind: "markdown", text: "各方同意建立\n区域合作机制。\n\nThe Parties\nagree.\n\n당사국은\n교류를 확대한다." });
    expect(plainTextOf(doc).split("\n")).toEqual(["各方同意建立区域合作机制。", "The Parties agree.", "당사국은 교류를 확대한다."]);
  });
});

describe("plain text", () => {
  it("makes a paragraph of every non-blank line, whatever the line endings", async () => {
    expect(shape(await docOf({ kind: "text", text: "First.\r\n\r\nSecond.\rThird.\n   \nFourth." }))).toEqual([p(t("First.")), p(t("Second.")), p(t("Third.")), p(t("Fourth."))]);
  });

  it("keeps what looks like markup as text", async () => {
    expect(shape(await docOf({ kind: "text", text: "# not a heading <b>nor bold</b> **nor this**" }))).toEqual([p(t("# not a heading <b>nor bold</b> **nor this**"))]);
  });

  it("reads UTF-16 files with a byte-order mark (Notepad's \"Unicode\")", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...JA].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeTextFile(utf16)).toBe(JA);
  });
});

describe("what a starting draft does not carry", () => {
  it("drops links and pictures but keeps their text (a picture's alt text); keeps a table's text, one paragraph per cell", async () => {
    const md = await docOf({ kind: "markdown", text: "See [the annex](javascript:alert(1)) ![chart](x.png)\n\n| Year | Target |\n|---|---|\n| 2021 | **5%** |\n" });
    expect(shape(md)).toEqual([p(t("See "), t("the annex"), t(" chart")), p(t("Year")), p(t("Target")), p(t("2021")), p(t("5%", "bold"))]);
    // Tables as mammoth writes them: a paragraph in each cell.
    const html = await docOf({ kind: "html", html: '<p><a href="https://example.org">annex</a><img src="x.png"></p><table><tr><td><p>Year</p></td><td><p>Target</p></td></tr></table><script>alert(1)</script>' });
    expect(shape(html)).toEqual([p(t("annex")), p(t("Year")), p(t("Target"))]);
  });

  it("keeps raw HTML inside Markdown as literal text, never as markup", async () => {
    expect(plainTextOf(await docOf({ kind: "markdown", text: "<b>bold?</b> <script>alert(1)</script>" }))).toContain("<b>bold?</b>");
  });

  it("gives an empty text one empty paragraph (never an empty document a tab would fill in)", async () => {
    for (const source of [{ kind: "text", text: "" }, { kind: "markdown", text: "\n\n\n" }, { kind: "html", html: "" }] as const) {
      expect(await docOf(source)).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    }
  });
});

describe("what the importer refuses, in words", () => {
  const problem = async (source: StartingTextSource) => {
    const r = await convertStartingText(source);
    expect(r.ok).toBe(false);
    return r.ok ? "" : r.problem;
  };

  it.each<[string, StartingTextSource, RegExp]>([
    ["a renamed PDF as .docx", { kind: "docx", bytes: new TextEncoder().encode("%PDF-1.7 not a word file") }, /not a Word document/],
    ["a damaged .docx", { kind: "docx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]) }, /could not be read/],
    ["a zip that is not a Word document", { kind: "docx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(40)]) }, /could not be read/],
    ["a binary file as .txt", { kind: "file-text", format: "text", bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]) }, /not text in UTF-8/],
    ["a text file with NUL bytes", { kind: "file-text", format: "markdown", bytes: new Uint8Array([0x41, 0x00, 0x42]) }, /not a text file/],
    ["text over the limit", { kind: "text", text: "x".repeat(MAX_STARTING_TEXT_CHARS + 1) }, /at most 200,000/],
    ["pasted text far over the limit (refused before parsing)", { kind: "markdown", text: "x".repeat(MAX_STARTING_TEXT_CHARS * 2 + 1) }, /longer than 200,000/],
    ["too many paragraphs", { kind: "text", text: "·\n".repeat(MAX_STARTING_BLOCKS + 1) }, /paragraphs; a starting draft holds at most/],
  ])("%s", async (_, source, message) => {
    expect(await problem(source)).toMatch(message);
  });

  it("throws only ImportProblem from startingDoc for unusable input", async () => {
    await expect(startingDoc({ kind: "docx", bytes: new Uint8Array([1, 2, 3]) })).rejects.toBeInstanceOf(ImportProblem);
  });
});

describe("importKindOf", () => {
  it.each([
    ["Draft.docx", "docx"],
    ["notes.MD", "markdown"],
    ["notes.markdown", "markdown"],
    ["text.txt", "text"],
    ["old.doc", null],
    ["scan.pdf", null],
    ["docx", null],
    ["", null],
  ])("%s → %s", (name, kind) => {
    expect(importKindOf(name)).toBe(kind);
  });
});
