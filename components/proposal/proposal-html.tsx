// The proposal's text as one HTML string, for the live editor's stand-in on a page's first paint:
// exactly what ProposalText renders (proposal-text.tsx; proposal-html.test.tsx holds them
// together), built without React. A long text (100k characters) as React elements costs the
// server a render of every element twice (the HTML and the page's RSC payload, where each
// element is a JSON array) and the browser a hydration pass over each of them; as one string it
// is one escaped string in each, and the element is hydrated without walking its content.
// Every text is escaped as React escapes it, so text that looks like markup shows as text.
import type { PmJson } from "@/lib/document/convert";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escapeText = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const MARK_TAGS: Record<string, string> = { bold: "strong", italic: "em", strike: "s", underline: "u", code: "code" };

function inlineHtml(node: PmJson, out: string[]): void {
  if (node.type === "hardBreak") {
    out.push("<br/>");
    return;
  }
  let html = escapeText(node.text ?? "");
  for (const mark of node.marks ?? []) {
    const tag = MARK_TAGS[mark.type];
    if (tag) html = `<${tag}>${html}</${tag}>`;
  }
  out.push(`<span>${html}</span>`);
}

function blockHtml(node: PmJson, out: string[]): void {
  let open: string;
  let close: string;
  switch (node.type) {
    case "paragraph":
      [open, close] = ["<p>", "</p>"];
      break;
    case "heading":
      [open, close] = node.attrs?.level === 2 ? ["<h2>", "</h2>"] : ["<h3>", "</h3>"];
      break;
    case "orderedList": {
      const start = node.attrs?.start;
      // A number only (as ProposalText passes it): nothing else reaches the attribute.
      [open, close] = [typeof start === "number" ? `<ol start="${start}">` : "<ol>", "</ol>"];
      break;
    }
    case "bulletList":
      [open, close] = ["<ul>", "</ul>"];
      break;
    case "listItem":
      [open, close] = ["<li>", "</li>"];
      break;
    case "blockquote":
      [open, close] = ["<blockquote>", "</blockquote>"];
      break;
    default:
      [open, close] = ["<div>", "</div>"];
  }
  out.push(open);
  for (const c of node.content ?? []) (c.type === "text" || c.type === "hardBreak" ? inlineHtml : blockHtml)(c, out);
  out.push(close);
}

/** The HTML ProposalText renders for `doc`. */
export function proposalHtml(doc: PmJson): string {
  const out: string[] = [];
  for (const block of doc.content ?? []) blockHtml(block, out);
  return out.join("");
}

/**
 * The text, read-only, styled as the editor styles it ("proposal-text"), so nothing moves when
 * the editor takes its place. For the editor's stand-in; ProposalText where React elements are wanted.
 */
export function StaticProposalText({ doc }: { doc: PmJson }) {
  return <div className="proposal-text" dangerouslySetInnerHTML={{ __html: proposalHtml(doc) }} />;
}
