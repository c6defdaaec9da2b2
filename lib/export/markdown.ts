// Clean Markdown of the text, for e-mail and archives: the words as they stand (an open
// amendment's deleted passage is still the text, its proposed insertion is not yet), headings one
// level below the title, numbered clauses as numbered lists, and the hash in a closing line.
import { formatExportDate } from "./format-date.ts";
import type { Block, ExportDoc, Inline, Marks } from "./model.ts";

/** Characters Markdown would read as syntax, escaped wherever they appear in running text. */
function escapeText(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, "\\$1");
}

/** A line that would start a list, a heading or a quote if left alone. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)(\d+)([.)])(\s)/, "$1$2\\$3$4").replace(/^(\s*)([-+>=])(\s|$)/, "$1\\$2$3");
}

function wrap(text: string, marks: Marks): string {
  if (text.trim() === "") return text;
  // Markdown's emphasis must hug the words: spaces stay outside the markers.
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  let out = marks.code ? `\`${core!.replace(/`/g, "'")}\`` : escapeText(core!);
  if (marks.strike) out = `~~${out}~~`;
  if (marks.italic) out = `*${out}*`;
  if (marks.bold) out = `**${out}**`;
  return `${lead}${out}${trail}`;
}

function inlines(list: readonly Inline[], indent: string): string {
  let out = "";
  for (const i of list) {
    if (i.kind === "text") out += wrap(i.text, i);
    else if (i.kind === "delete") out += i.runs.map((r) => wrap(r.text, r)).join("");
    else if (i.kind === "break") out += `  \n${indent}`;
  }
  return out;
}

function block(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `${"#".repeat(Math.min(6, b.level + 1))} ${inlines(b.inlines, "")}`;
    case "paragraph": {
      if (b.style === "code") return "```\n" + b.inlines.map((i) => (i.kind === "text" ? i.text : i.kind === "break" ? "\n" : "")).join("") + "\n```";
      const text = escapeLineStart(inlines(b.inlines, b.style === "quote" ? "> " : ""));
      if (b.style === "quote") return `> ${text}`;
      if (b.style === "note") return `*${text}*`;
      return text;
    }
    case "listItem": {
      const indent = "   ".repeat(b.depth);
      const marker = b.ordered ? b.label : "-";
      const pad = " ".repeat(marker.length + 1);
      return b.continued ? `${indent}${pad}${inlines(b.inlines, indent + pad)}` : `${indent}${marker} ${inlines(b.inlines, indent + pad)}`;
    }
    case "rule":
      return "---";
  }
}

/** Consecutive items of one list stay together; everything else is separated by a blank line. */
export function renderMarkdown(doc: ExportDoc): string {
  const { meta } = doc;
  const parts = [`# ${escapeText(meta.title)}`, `*${escapeText(meta.workshop)} · ${escapeText(meta.subtitle)} · ${formatExportDate(meta.date, meta.timeZone, meta.locale)}*`];
  let prev: Block | null = null;
  for (const b of doc.blocks) {
    const text = block(b);
    // A further paragraph of an item needs a blank line before it, or it would run on.
    if (b.kind === "listItem" && prev?.kind === "listItem" && !(b.depth === 0 && prev.depth === 0 && b.list !== prev.list)) parts[parts.length - 1] += `${b.continued ? "\n\n" : "\n"}${text}`;
    else parts.push(text);
    prev = b;
  }
  parts.push("---", `${meta.hashLabel} \`${meta.sha256}\``);
  return parts.join("\n\n") + "\n";
}
