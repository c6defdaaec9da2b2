// Documents built and edited the way the editor builds and edits them: from ProseMirror JSON in
// the project's schema, and changed through y-tiptap's updateYFragment (what the editor's sync
// plugin runs on each transaction), so the Yjs updates are the ones a tab would send.
import * as Y from "yjs";
import { updateYFragment } from "@tiptap/y-tiptap";
import { docFromState, pmJsonOf, stateFromPmJson, type PmJson } from "../../lib/document/convert.ts";
import { DOC_FIELD, documentSchema } from "../../lib/document/schema.ts";

export const para = (...content: PmJson[]): PmJson => ({ type: "paragraph", content });
export const text = (t: string, ...marks: string[]): PmJson => ({ type: "text", text: t, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
export const heading = (t: string): PmJson => ({ type: "heading", attrs: { level: 2 }, content: [text(t)] });
export const list = (type: "orderedList" | "bulletList", ...items: string[]): PmJson => ({ type, content: items.map((t) => ({ type: "listItem", content: [para(text(t))] })) });
export const docOf = (...content: PmJson[]): Y.Doc => docFromState(stateFromPmJson({ type: "doc", content }));

/** A replica of `doc` (another tab, the server's room) with a client id of its own. */
export function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Makes `doc`'s text equal to `target` the way the editor does, returning the update it sent. */
export function applyEdit(doc: Y.Doc, target: PmJson): Uint8Array {
  const updates: Uint8Array[] = [];
  const collect = (u: Uint8Array) => void updates.push(u);
  doc.on("update", collect);
  const node = documentSchema().nodeFromJSON(target);
  doc.transact(() => updateYFragment(doc, doc.getXmlFragment(DOC_FIELD), node, { mapping: new Map(), isOMark: new Map() }));
  doc.off("update", collect);
  return Y.mergeUpdates(updates);
}

/**
 * The update a tab editing `doc` would send for this change of its blocks, made on a replica so
 * `doc` itself is untouched (as the server's room is until it accepts the update).
 */
export function editorUpdate(doc: Y.Doc, edit: (blocks: PmJson[]) => PmJson[]): Uint8Array {
  const tab = replica(doc);
  const blocks = structuredClone(pmJsonOf(tab).content ?? []);
  const update = applyEdit(tab, { type: "doc", content: edit(blocks) });
  tab.destroy();
  return update;
}
