// @vitest-environment happy-dom
// The highlight plugin against a real editor bound to a Y.Doc: passages found from their
// anchors, followed through local and remote edits, "on deleted text" once their text is gone,
// and a click on a highlight selecting its thread.
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Editor } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import { anchorAt, rangeOf } from "@/components/editor/anchor-positions";
import { stateFromPmJson } from "@/lib/document/convert";
import { DOC_FIELD, documentExtensions } from "@/lib/document/schema";
import type { ThreadView } from "@/lib/protocol";
import { Annotations } from "@/lib/realtime/annotations";
import { CommentHighlights, commentHighlightsState, startCommentDraft } from "./comment-highlights";
import { isOnDeletedText } from "./thread-logic";

const START = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "Ports shall open." }] },
    { type: "paragraph", content: [{ type: "text", text: "Tariffs fall." }] },
  ],
};

let editors: Editor[] = [];
afterEach(() => {
  for (const e of editors) e.destroy();
  editors = [];
});

function setup() {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stateFromPmJson(START));
  // Someone else's copy: their changes reach ours as Yjs updates.
  const remote = new Y.Doc();
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
  remote.on("update", (u: Uint8Array) => Y.applyUpdate(doc, u, "remote"));
  const annotations = new Annotations();
  const editor = new Editor({
    element: document.createElement("div"),
    extensions: [...documentExtensions, Collaboration.configure({ document: doc, field: DOC_FIELD }), CommentHighlights.configure({ annotations, mayComment: () => true })],
  });
  editors.push(editor);
  return { doc, remote, annotations, editor };
}

function threadOn(editor: Editor, from: number, to: number, extra: Partial<ThreadView> = {}): ThreadView {
  return {
    id: "t1",
    from: anchorAt(editor.state, from)!,
    to: anchorAt(editor.state, to)!,
    quote: editor.state.doc.textBetween(from, to),
    visibility: "EVERYONE",
    delegation: null,
    resolved: false,
    comments: [],
    createdAt: "2026-01-01T10:00:00Z",
    ...extra,
  };
}

/** Where a word starts in the editor's document. */
function posOf(editor: Editor, word: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found === -1 && node.isText && node.text!.includes(word)) found = pos + node.text!.indexOf(word);
  });
  return found;
}
const rangeNow = (editor: Editor, id = "t1") => commentHighlightsState(editor.state)!.ranges.get(id);
const text = (editor: Editor, id = "t1") => {
  const r = rangeNow(editor, id);
  return r ? editor.state.doc.textBetween(r.from, r.to) : null;
};
const remoteParagraph = (remote: Y.Doc, i: number) => remote.getXmlFragment(DOC_FIELD).get(i) as Y.XmlElement;
const remoteText = (remote: Y.Doc, i: number) => remoteParagraph(remote, i).get(0) as Y.XmlText;

describe("comment highlights", () => {
  it("finds a new thread's passage and draws it", () => {
    const { annotations, editor } = setup();
    // "shall" in "Ports shall open." (text starts at 1).
    annotations.upsertThread(threadOn(editor, 7, 12));
    expect(text(editor)).toBe("shall");
    const marks = editor.view.dom.querySelectorAll('[data-thread-id="t1"]');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.textContent).toBe("shall");
  });

  it("follows the passage through local typing before, inside and right after it", () => {
    const { annotations, editor } = setup();
    annotations.upsertThread(threadOn(editor, 7, 12));
    editor.commands.insertContentAt(1, "All ");
    expect(text(editor)).toBe("shall");
    editor.commands.insertContentAt(rangeNow(editor)!.from + 2, "-");
    expect(text(editor)).toBe("sh-all");
    // Right after the passage's end: outside it (its end is tied to the character before).
    editor.commands.insertContentAt(rangeNow(editor)!.to, "!");
    expect(text(editor)).toBe("sh-all");
    // At its start: inside it (its start is tied to the character before the passage).
    editor.commands.insertContentAt(rangeNow(editor)!.from, ">");
    expect(text(editor)).toBe(">sh-all");
    // The drawn highlight moved along, and the mapped positions agree with the anchors.
    expect([...editor.view.dom.querySelectorAll('[data-thread-id="t1"]')].map((m) => m.textContent).join("")).toBe(">sh-all");
    const t = annotations.snapshot().threads[0]!;
    expect(rangeOf(editor.state, t.from, t.to)).toEqual(rangeNow(editor));
  });

  it("follows the passage through someone else's changes", () => {
    const { remote, annotations, editor } = setup();
    annotations.upsertThread(threadOn(editor, 7, 12));
    remoteText(remote, 0).insert(0, "Major ");
    expect(text(editor)).toBe("shall");
    // A paragraph added above.
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("Preamble.")]);
    remote.getXmlFragment(DOC_FIELD).insert(0, [p]);
    expect(text(editor)).toBe("shall");
  });

  it("puts a thread on deleted text once its passage is deleted, here or elsewhere", () => {
    const { remote, annotations, editor } = setup();
    annotations.upsertThread(threadOn(editor, 7, 12));
    const r = rangeNow(editor)!;
    editor.commands.deleteRange(r);
    expect(isOnDeletedText(rangeNow(editor), "shall")).toBe(true);
    expect(editor.view.dom.querySelector('[data-thread-id="t1"]')).toBeNull();

    // A second thread, on the other paragraph, whose whole paragraph goes remotely.
    const at = posOf(editor, "Tariffs");
    annotations.upsertThread(threadOn(editor, at, at + "Tariffs".length, { id: "t2" }));
    expect(text(editor, "t2")).toBe("Tariffs");
    remote.getXmlFragment(DOC_FIELD).delete(1, 1);
    expect(isOnDeletedText(rangeNow(editor, "t2"), "Tariffs")).toBe(true);
  });

  it("does not draw resolved threads, and tints a delegation-only one in its colour", () => {
    const { annotations, editor } = setup();
    annotations.upsertThread(threadOn(editor, 7, 12, { resolved: true }));
    expect(editor.view.dom.querySelector('[data-thread-id="t1"]')).toBeNull();
    annotations.upsertThread(threadOn(editor, 1, 6, { id: "t2", visibility: "DELEGATION", delegation: { id: "d", name: "Japan", code: "JPN", colour: "#1d4ed8" } }));
    const mark = editor.view.dom.querySelector<HTMLElement>('[data-thread-id="t2"]');
    expect(mark?.getAttribute("style")).toContain("#1d4ed8");
  });

  it("selects a thread when its highlight is clicked", () => {
    const { annotations, editor } = setup();
    annotations.upsertThread(threadOn(editor, 7, 12));
    const view = editor.view;
    view.someProp("handleClick", (f) => f(view, 9, new MouseEvent("click")));
    expect(commentHighlightsState(editor.state)!.selectedId).toBe("t1");
    view.someProp("handleClick", (f) => f(view, 16, new MouseEvent("click")));
    expect(commentHighlightsState(editor.state)!.selectedId).toBe("t1");
  });

  it("starts a draft only for a selection within one paragraph, and keeps its passage marked", () => {
    const { editor, remote } = setup();
    editor.commands.setTextSelection({ from: 10, to: 22 });
    expect(startCommentDraft(editor.view)).toBe(false);
    editor.commands.setTextSelection({ from: 7, to: 12 });
    expect(startCommentDraft(editor.view)).toBe(true);
    const s = commentHighlightsState(editor.state)!;
    expect(s.draft?.quote).toBe("shall");
    remoteText(remote, 0).insert(0, "Major ");
    const r = commentHighlightsState(editor.state)!.draftRange!;
    expect(editor.state.doc.textBetween(r.from, r.to)).toBe("shall");
    expect(editor.view.dom.querySelector("[data-comment-draft]")?.textContent).toBe("shall");
  });
});
