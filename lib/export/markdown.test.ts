import { marked, type Token, type Tokens } from "marked";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.ts";
import type { Block, ExportDoc } from "./model.ts";

const meta: ExportDoc["meta"] = {
  workshop: "Regional Recovery Workshop",
  title: "SME financing",
  subtitle: "Version 3 · Named “Before lunch”",
  version: 3,
  date: "2026-12-01T09:30:00.000Z",
  timeZone: "Asia/Tokyo",
  hashLabel: "Version hash (SHA-256)",
  sha256: "ab".repeat(32),
};
const para = (text: string, extra: Partial<Block> = {}): Block => ({ kind: "paragraph", inlines: [{ kind: "text", text }], ...extra }) as Block;
const item = (label: string, text: string, list = 1, depth = 0): Block => ({ kind: "listItem", ordered: label !== "•", list, depth, label, inlines: [{ kind: "text", text }] });

function tokens(md: string): Token[] {
  return marked.lexer(md);
}

describe("renderMarkdown", () => {
  it("titles the file, shifts headings below the title and closes with the hash", () => {
    const md = renderMarkdown({ meta, comments: [], blocks: [{ kind: "heading", level: 1, inlines: [{ kind: "text", text: "Preamble" }] }, para("Text.")] });
    const heads = tokens(md).filter((t): t is Tokens.Heading => t.type === "heading");
    expect(heads.map((h) => [h.depth, h.text])).toEqual([[1, "SME financing"], [2, "Preamble"]]);
    expect(md).toContain("Regional Recovery Workshop · Version 3");
    expect(md).toContain("1 December 2026");
    expect(md.trimEnd().endsWith(`Version hash (SHA-256) \`${"ab".repeat(32)}\``)).toBe(true);
  });

  it("writes numbered clauses as one ordered list and keeps CJK text", () => {
    const md = renderMarkdown({ meta, comments: [], blocks: [item("1.", "中华人民共和国 shall"), item("2.", "日本語 and 대한민국"), item("•", "a point", 2, 1)] });
    const list = tokens(md).find((t): t is Tokens.List => t.type === "list")!;
    expect(list.ordered).toBe(true);
    expect(list.items.map((i) => i.text.split("\n")[0])).toEqual(["中华人民共和国 shall", "日本語 and 대한민국"]);
    expect(list.items[1]!.text).toContain("- a point");
  });

  it("escapes what Markdown would read as syntax, so the words come back unchanged", () => {
    const md = renderMarkdown({ meta, comments: [], blocks: [para("1. Not a list *nor* [a link](x) # or _this_"), para("[5% / 3%] rates")] });
    const paragraphs = tokens(md).filter((t): t is Tokens.Paragraph => t.type === "paragraph");
    const html = paragraphs.map((p) => marked.parseInline(p.raw) as string);
    expect(html[1]).toBe("1. Not a list *nor* [a link](x) # or _this_");
    expect(html[2]).toBe("[5% / 3%] rates");
  });

  it("marks bold and italic around the words, not the spaces", () => {
    const md = renderMarkdown({ meta, comments: [], blocks: [{ kind: "paragraph", inlines: [{ kind: "text", text: "Members " }, { kind: "text", text: "shall ", bold: true }, { kind: "text", text: "act", italic: true }] }] });
    expect(md).toContain("Members **shall** *act*");
  });

  it("shows the text as it stands: an amendment's deleted words stay, its insertion does not", () => {
    const md = renderMarkdown({
      meta,
      comments: [],
      blocks: [{ kind: "paragraph", inlines: [{ kind: "text", text: "Rates " }, { kind: "delete", id: 1, author: "China (CHN)", date: meta.date, runs: [{ kind: "text", text: "fall" }] }, { kind: "insert", id: 2, author: "China (CHN)", date: meta.date, runs: [{ kind: "text", text: "rise" }] }] }],
    });
    expect(md).toContain("Rates fall");
    expect(md).not.toContain("rise");
  });
});
