// Plain text of a live Yjs document together with who inserted each character. Walks the
// document the way plainTextOf walks ProseMirror JSON (same text, character for character),
// reading each text item's Yjs client id. Generated characters (line breaks, list numbers)
// have no author.
import * as Y from "yjs";
import type { AuthorRun } from "../domain/text-diff.ts";
import { DOC_FIELD } from "./schema.ts";

export type ClientRun = { length: number; client: number | null };

class Builder {
  text = "";
  runs: ClientRun[] = [];
  lines = 0;
  add(s: string, client: number | null): void {
    if (s.length === 0) return;
    this.text += s;
    const last = this.runs.at(-1);
    if (last && last.client === client) last.length += s.length;
    else this.runs.push({ length: s.length, client });
  }
  startLine(prefix: string): void {
    if (this.lines++ > 0) this.add("\n", null);
    this.add(prefix, null);
  }
}

function inlineText(el: Y.XmlElement, b: Builder): void {
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) {
      // Yjs keeps text as a linked list of items; each knows the client that inserted it.
      let item = child._start;
      while (item) {
        if (!item.deleted && item.content instanceof Y.ContentString) b.add(item.content.str, item.id.client);
        item = item.right;
      }
    } else if (child instanceof Y.XmlElement) {
      inlineText(child, b);
    }
  }
}

function walk(node: Y.XmlElement | Y.XmlFragment, prefix: string, b: Builder): void {
  const name = node instanceof Y.XmlElement ? node.nodeName : "doc";
  if (node instanceof Y.XmlElement && (name === "paragraph" || name === "heading")) {
    b.startLine(prefix);
    inlineText(node, b);
    return;
  }
  const children = node.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement);
  if (node instanceof Y.XmlElement && (name === "orderedList" || name === "bulletList")) {
    const startAttr = node.getAttribute("start") as unknown;
    const start = typeof startAttr === "number" ? startAttr : 1;
    children.forEach((item, i) => {
      const marker = name === "orderedList" ? `${prefix}${start + i}. ` : `${prefix}• `;
      item.toArray().forEach((c, j) => {
        if (c instanceof Y.XmlElement) walk(c, j === 0 ? marker : " ".repeat(marker.length), b);
      });
    });
    return;
  }
  for (const c of children) walk(c, prefix, b);
}

export function textWithClients(doc: Y.Doc): { text: string; runs: ClientRun[] } {
  const b = new Builder();
  walk(doc.getXmlFragment(DOC_FIELD), "", b);
  return { text: b.text, runs: b.runs };
}

/** Maps client runs to author runs (e.g. delegation ids), merging neighbours with one author. */
export function authorRuns(runs: readonly ClientRun[], authorOf: (client: number) => string | null): AuthorRun[] {
  const out: AuthorRun[] = [];
  for (const r of runs) {
    const author = r.client === null ? null : authorOf(r.client);
    const last = out.at(-1);
    if (last && last.author === author) last.length += r.length;
    else out.push({ length: r.length, author });
  }
  return out;
}
