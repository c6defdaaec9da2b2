// Conversions between the stored Yjs state and what people read.
import * as Y from "yjs";
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { DOC_FIELD, documentSchema } from "./schema.ts";

export type PmJson = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmJson[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
};

/** A full Yjs state (update) holding the given ProseMirror JSON document. */
export function stateFromPmJson(json: PmJson): Uint8Array {
  const doc = prosemirrorJSONToYDoc(documentSchema(), json, DOC_FIELD);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

export function pmJsonOf(doc: Y.Doc): PmJson {
  return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(DOC_FIELD)) as PmJson;
}

/** Plain text, one block per line; list items numbered as they render. */
export function plainTextOf(json: PmJson): string {
  const lines: string[] = [];
  const inline = (n: PmJson): string => (n.text ?? "") + (n.content ?? []).map(inline).join("");
  const walk = (n: PmJson, prefix: string): void => {
    switch (n.type) {
      case "paragraph":
      case "heading":
        lines.push(prefix + inline(n));
        return;
      case "orderedList": {
        const start = typeof n.attrs?.start === "number" ? n.attrs.start : 1;
        (n.content ?? []).forEach((item, i) => walkItem(item, `${prefix}${start + i}. `));
        return;
      }
      case "bulletList":
        (n.content ?? []).forEach((item) => walkItem(item, `${prefix}• `));
        return;
      default:
        (n.content ?? []).forEach((c) => walk(c, prefix));
    }
  };
  const walkItem = (item: PmJson, marker: string): void => {
    (item.content ?? []).forEach((c, i) => walk(c, i === 0 ? marker : " ".repeat(marker.length)));
  };
  walk(json, "");
  return lines.join("\n");
}
