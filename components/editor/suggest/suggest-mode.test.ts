// @vitest-environment happy-dom
// Suggesting against a real editor bound to a Y.Doc: keystrokes become one amendment drawn in
// the text (struck passage, inserted text), the shared document never changes, other people's
// changes still arrive, and the marks stay cheap with many amendments on a long text.
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Editor } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import { Slice, Fragment } from "@tiptap/pm/model";
import { TextSelection } from "@tiptap/pm/state";
import { anchorAt, rangeOf } from "@/components/editor/anchor-positions";
import { amendmentSource } from "@/components/amendments/amendment-source";
import { stateFromPmJson, type PmJson } from "@/lib/document/convert";
import { DOC_FIELD, documentExtensions } from "@/lib/document/schema";
import type { AmendmentAck, AmendmentView, Participant } from "@/lib/protocol";
import { AmendmentDrafts, type Draft } from "@/lib/realtime/amendment-drafts";
import { Annotations } from "@/lib/realtime/annotations";
import { AmendmentMarks, amendmentMarksState } from "./amendment-marks";
import { rangeResolver } from "./batch-positions";
import { REFUSAL_WORDS } from "./plan-edit";
import { SUGGEST_WORDS } from "./suggest-input";
import type { SuggestHost } from "./suggest-host";
import { SuggestInput } from "./suggest-input";

const FIRST = "The Parties shall establish a facility.";
const START: PmJson = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: FIRST }] },
    { type: "paragraph", content: [{ type: "text", text: "It covers firms." }] },
  ],
};
const self: Participant = { userId: "u-jp", name: "Aiko", role: "DELEGATE", delegation: { id: "d-jp", name: "Japan", code: "JPN", colour: "#be185d" } };

let editors: Editor[] = [];
afterEach(() => {
  for (const e of editors) e.destroy();
  editors = [];
});

function setup(content: PmJson = START) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stateFromPmJson(content));
  const remote = new Y.Doc();
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
  remote.on("update", (u: Uint8Array) => Y.applyUpdate(doc, u, "remote"));
  const localUpdates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array, origin: unknown) => origin !== "remote" && localUpdates.push(u));
  const annotations = new Annotations();
  const sent: Draft[] = [];
  // The server: stores every put as an open amendment of mine and answers with it.
  let n = 0;
  const ids = new Map<string, string>();
  const drafts = new AmendmentDrafts({
    send: async (d): Promise<AmendmentAck> => {
      sent.push(d);
      const id = ids.get(d.key) ?? `a${++n}`;
      ids.set(d.key, id);
      const view = viewOf(id, d);
      annotations.upsertAmendments([view]);
      return { ok: true, amendment: view };
    },
    isOnline: () => true,
  });
  const source = amendmentSource(annotations, drafts, () => self);
  const notices: string[] = [];
  let suggesting = true;
  const host: SuggestHost = {
    isSuggesting: () => suggesting,
    amendments: source.get,
    subscribe: source.subscribe,
    selfId: () => self.userId,
    put: (d) => drafts.put({ ...d, createdAt: "2026-01-01T10:00:00.000Z" }),
    notice: (m) => notices.push(m),
  };
  const editor = new Editor({
    element: document.createElement("div"),
    extensions: [...documentExtensions, Collaboration.configure({ document: doc, field: DOC_FIELD }), AmendmentMarks.configure({ host }), SuggestInput.configure({ host })],
  });
  editors.push(editor);
  return { doc, remote, editor, drafts, annotations, sent, notices, localUpdates, setSuggesting: (v: boolean) => (suggesting = v) };
}

function viewOf(id: string, d: Draft, over: Partial<AmendmentView> = {}): AmendmentView {
  return {
    id,
    key: d.key,
    from: d.from,
    to: d.to,
    passage: d.passage,
    insert: d.insert,
    reason: null,
    status: "OPEN",
    delegation: self.delegation,
    author: { id: self.userId, name: self.name },
    stances: [],
    createdAt: d.createdAt,
    decidedAt: null,
    ...over,
  };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};
const pos = (s: string) => 1 + FIRST.indexOf(s);

function caret(editor: Editor, at: number, to = at) {
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, at, to)));
}
function typeText(editor: Editor, text: string) {
  const view = editor.view;
  for (const ch of Array.from(text)) {
    const { from, to } = view.state.selection;
    const handled = view.someProp("handleTextInput", (f) => f(view, from, to, ch, () => view.state.tr.insertText(ch, from, to)));
    expect(handled).toBe(true);
  }
}
function press(editor: Editor, key: string, init: KeyboardEventInit = {}) {
  const view = editor.view;
  return view.someProp("handleKeyDown", (f) => f(view, new KeyboardEvent("keydown", { key, ...init })));
}
function open(editor: Editor) {
  return amendmentMarksState(editor.state)!;
}
const agreedText = (doc: Y.Doc) => doc.getXmlFragment(DOC_FIELD).toString();

describe("suggesting", () => {
  it("typing over a selection proposes a replacement, drawn struck and inserted, and never changes the shared text", async () => {
    const { doc, editor, drafts, sent, localUpdates } = setup();
    const before = agreedText(doc);
    caret(editor, pos("shall"), pos(" establish"));
    typeText(editor, "may");
    // One amendment, the latest text pending at once.
    const pending = [...drafts.snapshot().pending.values()];
    expect(pending).toHaveLength(1);
    expect(pending[0]!.draft).toMatchObject({ insert: "may", passage: "shall" });
    await settle();
    expect(sent.at(-1)).toMatchObject({ insert: "may" });
    expect(new Set(sent.map((d) => d.key)).size).toBe(1);
    // Drawn: the passage struck, the new text after it; the caret after the new text.
    const del = editor.view.dom.querySelector("del[data-amendment-id]");
    const ins = editor.view.dom.querySelector("ins[data-amendment-id]");
    expect(del?.textContent).toBe("shall");
    expect(ins?.textContent).toBe("may");
    expect(del?.getAttribute("style")).toContain("#be185d");
    expect(editor.state.selection.from).toBe(pos(" establish"));
    // The agreed text is untouched, here and in Yjs.
    expect(editor.state.doc.textContent).toContain(FIRST);
    expect(agreedText(doc)).toBe(before);
    expect(localUpdates).toHaveLength(0);
  });

  it("typing at a caret starts an insertion and keeps appending to it; Backspace shortens it", async () => {
    const { editor, drafts, annotations } = setup();
    caret(editor, pos(" shall"));
    typeText(editor, " not");
    await settle();
    const [a] = annotations.snapshot().amendments;
    expect(a).toMatchObject({ insert: " not", passage: "" });
    expect(rangeOf(editor.state, a!.from, a!.to)).toEqual({ from: pos(" shall"), to: pos(" shall") });
    expect(press(editor, "Backspace")).toBe(true);
    expect([...drafts.snapshot().pending.values()][0]?.draft.insert ?? annotations.snapshot().amendments[0]!.insert).toBe(" no");
  });

  it("Backspace on agreed text strikes backwards and moves the caret, extending one deletion", async () => {
    const { editor, annotations } = setup();
    caret(editor, pos(" establish"));
    press(editor, "Backspace");
    press(editor, "Backspace");
    press(editor, "Backspace");
    await settle();
    const list = annotations.snapshot().amendments;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ passage: "all", insert: "" });
    expect(editor.state.selection.from).toBe(pos("all"));
    expect(editor.view.dom.querySelector("del")?.textContent).toBe("all");
  });

  it("Enter proposes nothing and says why; pasted lines join with spaces into the amendment", async () => {
    const { editor, annotations, notices } = setup();
    caret(editor, pos("."));
    typeText(editor, " jointly");
    press(editor, "Enter");
    expect(notices.at(-1)).toBe(SUGGEST_WORDS.enter);
    const view = editor.view;
    const slice = new Slice(Fragment.from(editor.schema.text(" and then\nSecond line")), 0, 0);
    expect(view.someProp("handlePaste", (f) => f(view, new Event("paste") as ClipboardEvent, slice))).toBe(true);
    await settle();
    expect(annotations.snapshot().amendments.map((a) => a.insert)).toEqual([" jointly and then Second line"]);
  });

  it("refuses politely what cannot be one paragraph's amendment", () => {
    const { editor, notices, drafts } = setup();
    caret(editor, 1);
    press(editor, "Backspace");
    caret(editor, pos("Parties"), FIRST.length + 6);
    typeText(editor, "x");
    expect(notices).toEqual([REFUSAL_WORDS["paragraph-start"], REFUSAL_WORDS.across]);
    expect(drafts.snapshot().pending.size).toBe(0);
  });

  it("drops any other local change of the text while suggesting (commands, undo), and allows it otherwise", () => {
    const { doc, editor, localUpdates, setSuggesting } = setup();
    editor.commands.insertContentAt(1, "Hello ");
    editor.chain().selectAll().toggleBold().run();
    expect(press(editor, "z", { ctrlKey: true })).toBe(true);
    expect(localUpdates).toHaveLength(0);
    expect(editor.state.doc.textContent.startsWith("The Parties")).toBe(true);
    setSuggesting(false);
    editor.commands.insertContentAt(1, "Hello ");
    expect(localUpdates.length).toBeGreaterThan(0);
    expect(agreedText(doc)).toContain("Hello The Parties");
  });

  it("still shows other people's changes, and the marks follow them", async () => {
    const { remote, editor, annotations } = setup();
    caret(editor, pos("shall"), pos(" establish"));
    typeText(editor, "may");
    await settle();
    const para = remote.getXmlFragment(DOC_FIELD).get(0) as Y.XmlElement;
    (para.get(0) as Y.XmlText).insert(0, "Both ");
    expect(editor.state.doc.textContent.startsWith("Both The Parties")).toBe(true);
    const [a] = annotations.snapshot().amendments;
    const r = open(editor).placed.get(a!.id)!.range!;
    expect(editor.state.doc.textBetween(r.from, r.to)).toBe("shall");
    expect(editor.view.dom.querySelector("del")?.textContent).toBe("shall");
  });

  it("takes a composition's committed text as one insertion and ignores its echo", async () => {
    const { editor, annotations } = setup();
    caret(editor, pos("."));
    const dom = editor.view.dom;
    dom.dispatchEvent(new CompositionEvent("compositionstart", { data: "" }));
    dom.dispatchEvent(new CompositionEvent("compositionend", { data: "日本語" }));
    // The same text arriving through the DOM right after the commit is its echo.
    typeText(editor, "日本語");
    await settle();
    expect(annotations.snapshot().amendments.map((a) => a.insert)).toEqual(["日本語"]);
  });

  it("resolves anchors in batch exactly as rangeOf does, in headings, lists and around line breaks", () => {
    const { editor, remote } = setup({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Title" }] },
        { type: "paragraph", content: [{ type: "text", text: "One" }, { type: "hardBreak" }, { type: "text", text: "two", marks: [{ type: "bold" }] }] },
        {
          type: "orderedList",
          content: [
            { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "First item" }] }] },
            { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Second" }] }, { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Nested" }] }] }] }] },
          ],
        },
        { type: "paragraph", content: [{ type: "text", text: "Last." }] },
      ],
    } as PmJson);
    // Someone else's edits first, so the text is made of several Yjs items.
    const last = remote.getXmlFragment(DOC_FIELD).get(3) as Y.XmlElement;
    (last.get(0) as Y.XmlText).insert(0, "The ");
    const anchors: Array<[number, Uint8Array]> = [];
    editor.state.doc.descendants((node, p) => {
      if (!node.isTextblock) return true;
      for (let i = 0; i <= node.content.size; i++) {
        const a = anchorAt(editor.state, p + 1 + i);
        if (a) anchors.push([p + 1 + i, a]);
      }
      return false;
    });
    expect(anchors.length).toBeGreaterThan(40);
    const resolve = rangeResolver(editor.state)!;
    for (const [at, a] of anchors) {
      expect(resolve(a, a)).toEqual(rangeOf(editor.state, a, a));
      expect(resolve(a, a)?.from).toBe(at);
    }
  });

  it("draws 200 amendments on a 100,000-character text within a frame budget per change", async () => {
    const paragraphs = Array.from({ length: 500 }, (_, i) => ({ type: "paragraph", content: [{ type: "text", text: `Clause ${i}: ${"word ".repeat(40)}`.slice(0, 200) }] }));
    const { remote, editor, annotations } = setup({ type: "doc", content: paragraphs } as PmJson);
    const views: AmendmentView[] = [];
    for (let i = 0; i < 200; i++) {
      const start = 1 + (i * 2 + 1) * 202 + 10;
      const d: Draft = { key: `key-${String(i).padStart(4, "0")}`, from: anchorAt(editor.state, start)!, to: anchorAt(editor.state, start + 4)!, insert: "new", passage: "", createdAt: "2026-01-01T10:00:00.000Z" };
      views.push(viewOf(`b${i}`, d, { author: { id: "u-other", name: "Li" } }));
    }
    let t = performance.now();
    annotations.upsertAmendments(views);
    const firstDraw = performance.now() - t;
    expect(open(editor).placed.size).toBe(200);
    expect([...open(editor).placed.values()].every((p) => p.range !== null)).toBe(true);
    // Someone else types: every position from its anchors again.
    const para = remote.getXmlFragment(DOC_FIELD).get(0) as Y.XmlElement;
    t = performance.now();
    (para.get(0) as Y.XmlText).insert(0, "x");
    const remoteChange = performance.now() - t;
    // My keystroke: one amendment revised, the others reused.
    caret(editor, 5);
    t = performance.now();
    typeText(editor, "a");
    const keystroke = performance.now() - t;
    expect(editor.view.dom.querySelectorAll("ins[data-amendment-id]").length).toBe(201);
    // Generous bounds (happy-dom, shared CI machine); the numbers are printed for the record.
    console.log(`200 amendments / 100k chars: first draw ${firstDraw.toFixed(1)} ms, remote change ${remoteChange.toFixed(1)} ms, own keystroke ${keystroke.toFixed(1)} ms`);
    expect(keystroke).toBeLessThan(250);
    await settle();
  });
});
