import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PmJson } from "@/lib/document/convert";
import { proposalHtml, StaticProposalText } from "./proposal-html.tsx";
import { ProposalText } from "./proposal-text.tsx";

const text = (t: string, marks?: string[]): PmJson => ({ type: "text", text: t, ...(marks ? { marks: marks.map((type) => ({ type })) } : {}) });
const para = (...content: PmJson[]): PmJson => ({ type: "paragraph", content });

const EVERY_NODE: PmJson = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("Part 1: <cooperation> & \"exchange\" 'now'")] },
    { type: "heading", attrs: { level: 3 }, content: [text("Sub")] },
    { type: "heading", attrs: { level: 1 }, content: [text("Level one shows as three")] },
    para(text("Plain, "), text("bold", ["bold"]), text(" and "), text("all", ["bold", "italic", "strike", "underline", "code"]), { type: "hardBreak" }, text("after a break")),
    para(text("<script>alert(1)</script>"), text("unknown mark", ["link"])),
    para(),
    para(text("")),
    { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [para(text("三"))] }, { type: "listItem", content: [para(text("四")), { type: "bulletList", content: [{ type: "listItem", content: [para(text("nested"))] }] }] }] },
    { type: "orderedList", attrs: { start: "7\"><img src=x>" }, content: [{ type: "listItem", content: [para(text("a start that is not a number is left out"))] }] },
    { type: "orderedList", content: [{ type: "listItem", content: [para(text("no start"))] }] },
    { type: "blockquote", content: [para(text("quoted"))] },
    { type: "horizontalRule" },
    { type: "somethingNew", content: [para(text("inside an unknown block"))] },
    para(text("양국은 공중보건 협력을 강화하고 — 両国は")),
  ],
};

/** A long text: headings, paragraphs with marks, numbered clauses, CJK. */
function longText(blocks: number): PmJson {
  const content: PmJson[] = [];
  for (let i = 0; i < blocks; i++) {
    if (i % 25 === 0) content.push({ type: "heading", attrs: { level: 2 }, content: [text(`Part ${i / 25 + 1}`)] });
    if (i % 3 === 0) content.push({ type: "orderedList", attrs: { start: i + 1 }, content: [{ type: "listItem", content: [para(text(`Clause ${i + 1} & its <terms>.`))] }] });
    else content.push(para(text(`The parties agree (${i}) `), text("to cooperate", i % 2 ? ["bold"] : ["italic", "underline"]), text(i % 5 === 4 ? " 双方同意加强公共卫生领域的合作。" : " on public health.")));
  }
  return { type: "doc", content };
}

describe("proposalHtml", () => {
  it("is exactly what ProposalText renders", () => {
    for (const doc of [EVERY_NODE, longText(300), { type: "doc" }, { type: "doc", content: [] }]) {
      expect(proposalHtml(doc)).toBe(renderToStaticMarkup(createElement(ProposalText, { doc })));
    }
  });

  it("escapes text that looks like markup", () => {
    const html = proposalHtml({ type: "doc", content: [para(text("<b>x</b> & <img src=x onerror=alert(1)>"))] });
    expect(html).toBe("<p><span>&lt;b&gt;x&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</span></p>");
  });

  it("StaticProposalText holds it in one element styled as the editor's text", () => {
    expect(renderToStaticMarkup(createElement(StaticProposalText, { doc: EVERY_NODE }))).toBe(`<div class="proposal-text">${proposalHtml(EVERY_NODE)}</div>`);
  });
});
