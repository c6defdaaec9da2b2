// @vitest-environment happy-dom
// The drafting marks against a real editor bound to a Y.Doc: each paragraph's key found at its
// position (as lib/document/clauses.ts names it on the server) through local typing, Enter and
// other people's changes; the margin, statuses and reading drawn; brackets drawn as
// "[passage / option]"; agreed paragraphs protected from local changes only; and 300
// paragraphs drawn fast.
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Editor } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import { TextSelection } from "@tiptap/pm/state";
import { anchorAt } from "@/components/editor/anchor-positions";
import { clauseUnits } from "@/lib/document/clauses";
import { stateFromPmJson, type PmJson } from "@/lib/document/convert";
import { DOC_FIELD, documentExtensions } from "@/lib/document/schema";
import type { BracketView, ClauseView, ReadingView } from "@/lib/protocol";
import type { ClauseStatus } from "@/lib/domain/vocabulary";
import { DraftingState } from "@/lib/realtime/drafting-state";
import { AGREED_WORDS, AgreedGuard } from "./agreed-guard";
import { cleanBlocks } from "./clean-blocks";
import { DraftingMarks, draftingMarksKey, draftingMarksState, paragraphPositions } from "./drafting-marks";

const P = (text: string) => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] });
const START: PmJson = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Statement" }] },
    P("The Parties recognise the disruption."),
    P("The Parties shall establish a joint assessment mechanism within twelve months."),
    P(""),
    {
      type: "orderedList",
      content: [
        { type: "listItem", content: [P("Exchange early-warning information.")] },
        { type: "listItem", content: [P("Review this statement.")] },
      ],
    },
  ],
};

let editors: Editor[] = [];
afterEach(() => {
  for (const e of editors) e.destroy();
  editors = [];
});

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

async function setup(content: PmJson = START, followsReading = () => false) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stateFromPmJson(content));
  const remote = new Y.Doc();
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
  remote.on("update", (u: Uint8Array) => Y.applyUpdate(doc, u, "remote"));
  doc.on("update", (u: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(remote, u, "local"));
  const drafting = new DraftingState();
  drafting.reset({ clauses: [], brackets: [], reading: null });
  const notices: string[] = [];
  const editor = new Editor({
    element: document.createElement("div"),
    extensions: [...documentExtensions, Collaboration.configure({ document: doc, field: DOC_FIELD }), DraftingMarks.configure({ drafting, followsReading }), AgreedGuard.configure({ notice: (m) => notices.push(m) })],
  });
  editors.push(editor);
  await settle();
  return { doc, remote, editor, drafting, notices };
}

/** Every unit's key must be found at the position of the node holding its text. */
function expectPositionsMatch(editor: Editor, doc: Y.Doc) {
  const positions = paragraphPositions(editor.state);
  const units = clauseUnits(doc);
  expect(positions.size).toBe(units.length);
  for (const u of units) {
    const pos = positions.get(u.key);
    expect(pos, u.text).toBeDefined();
    const node = editor.state.doc.nodeAt(pos!)!;
    expect(node.textContent).toBe(u.text.replaceAll("\n", ""));
  }
}

const clause = (key: string, status: ClauseStatus): ClauseView => ({ key, status, awaiting: [], setBy: null, updatedAt: "2026-12-01T10:00:00.000Z" });
const keyOfText = (doc: Y.Doc, text: string) => clauseUnits(doc).find((u) => u.text.includes(text))!.key;
const markers = (editor: Editor) => [...editor.view.dom.querySelectorAll("[data-margin-marker]")].map((m) => m.getAttribute("aria-label"));
/** A paragraph's text as the page shows it: its own node, brackets and options included. */
const textOf = (editor: Editor, text: string) => [...editor.view.dom.querySelectorAll("p")].map((p) => p.textContent ?? "").find((t) => t.includes(text));

function typeAt(editor: Editor, at: number, text: string) {
  editor.view.dispatch(editor.state.tr.insertText(text, at, at));
}

describe("paragraph positions", () => {
  it("finds every unit the server names, at its node", async () => {
    const { editor, doc } = await setup();
    expectPositionsMatch(editor, doc);
    const s = draftingMarksState(editor.state)!;
    // The heading and the empty paragraph are units, not counted; list items are clauses.
    expect(s.units.map((u) => [u.kind, u.number])).toEqual([
      ["heading", null],
      ["paragraph", 1],
      ["paragraph", 2],
      ["paragraph", null],
      ["clause", 3],
      ["clause", 4],
    ]);
  });

  it("keeps them through local typing, Enter and other people's changes", async () => {
    const { editor, doc, remote } = await setup();
    const second = paragraphPositions(editor.state).get(keyOfText(doc, "recognise"))!;
    typeAt(editor, second + 1, "Indeed, ");
    expectPositionsMatch(editor, doc);
    // Enter at the end of the second paragraph: a new unit, named once the binding has it.
    const end = second + editor.state.doc.nodeAt(second)!.nodeSize - 1;
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, end)));
    editor.commands.splitBlock();
    typeAt(editor, end + 2, "A new paragraph.");
    await settle();
    expectPositionsMatch(editor, doc);
    // Someone else adds a paragraph at the top and types in a list item.
    remote.getXmlFragment(DOC_FIELD).insert(0, [new Y.XmlElement("paragraph")]);
    const list = remote.getXmlFragment(DOC_FIELD).toArray().find((t) => t instanceof Y.XmlElement && t.nodeName === "orderedList") as Y.XmlElement;
    const item = list.get(0) as Y.XmlElement;
    ((item.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Promptly ");
    await settle();
    expect(editor.state.doc.textContent).toContain("Promptly Exchange");
    expectPositionsMatch(editor, doc);
  });
});

describe("the margin", () => {
  it("numbers counted paragraphs and says their status; frames the one being read", async () => {
    const { editor, doc, drafting } = await setup();
    expect(markers(editor)).toEqual(["Paragraph 1", "Paragraph 2", "Paragraph 3", "Paragraph 4"]);
    const reading: ReadingView = { id: "r1", active: true, currentKey: keyOfText(doc, "establish"), startedAt: "2026-12-01T10:00:00.000Z", endedAt: null, changes: [] };
    drafting.apply({ clauses: [clause(keyOfText(doc, "recognise"), "AGREED"), clause(keyOfText(doc, "Review"), "PARKED")], reading });
    await settle();
    expect(markers(editor)).toEqual(["Paragraph 1: Agreed", "Paragraph 2, being read", "Paragraph 3", "Paragraph 4: Parked"]);
    const agreed = editor.view.dom.querySelector('[data-paragraph-status="AGREED"]');
    expect(agreed?.textContent).toBe("The Parties recognise the disruption.");
    const current = editor.view.dom.querySelector('[aria-current="true"]');
    expect(current?.textContent).toContain("joint assessment");
    // The markers are beside the paragraphs, never inside their text.
    expect(textOf(editor, "recognise")).toBe("The Parties recognise the disruption.");
    // Ad referendum: the margin names the capitals still awaited, and stops once they confirm.
    const adRef = (confirmedAt: string | null): ClauseView => ({
      ...clause(keyOfText(doc, "recognise"), "AGREED_AD_REFERENDUM"),
      awaiting: [
        { delegationId: "asean", code: "ASEAN", confirmedAt },
        { delegationId: "jpn", code: "JPN", confirmedAt: "2026-12-01T10:05:00.000Z" },
      ],
    });
    drafting.apply({ clauses: [adRef(null)] });
    await settle();
    expect(markers(editor)[0]).toBe("Paragraph 1: Agreed ad referendum, awaiting ASEAN");
    drafting.apply({ clauses: [adRef("2026-12-01T10:06:00.000Z")] });
    await settle();
    expect(markers(editor)[0]).toBe("Paragraph 1: Agreed ad referendum");
  });

  it("brings the paragraph being read into view when it moves, for those who follow the chair", async () => {
    let follows = false;
    const { editor, doc, drafting } = await setup(START, () => follows);
    const scrolled: string[] = [];
    const original = HTMLElement.prototype.scrollIntoView;
    HTMLElement.prototype.scrollIntoView = function (this: HTMLElement) {
      scrolled.push(this.textContent ?? "");
    };
    try {
      const reading = (text: string): ReadingView => ({ id: "r1", active: true, currentKey: keyOfText(doc, text), startedAt: "2026-12-01T10:00:00.000Z", endedAt: null, changes: [] });
      drafting.apply({ reading: reading("recognise") });
      await new Promise((r) => setTimeout(r, 50));
      expect(scrolled).toEqual([]);
      follows = true;
      drafting.apply({ reading: reading("Review") });
      await new Promise((r) => setTimeout(r, 50));
      expect(scrolled).toHaveLength(1);
      expect(scrolled[0]).toContain("Review this statement.");
    } finally {
      HTMLElement.prototype.scrollIntoView = original;
    }
    expect(editor.view.dom.querySelector('[aria-current="true"] p')?.textContent).toBe("Review this statement.");
  });

  it("draws 300 paragraphs' margin fast, and redraws only the markers that changed", async () => {
    const many: PmJson = { type: "doc", content: Array.from({ length: 300 }, (_, i) => P(`Paragraph number ${i + 1} of a long text that the chair reads through.`)) };
    const { editor, doc, drafting } = await setup(many);
    expect(editor.view.dom.querySelectorAll("[data-margin-marker]")).toHaveLength(300);
    const keys = clauseUnits(doc).map((u) => u.key);
    const agreed = keys.filter((_, i) => i % 3 === 0).map((k) => clause(k, "AGREED"));
    // What this code computes (positions, names, 300 markers' decorations), without the DOM
    // (happy-dom builds elements ~100 times slower than a browser; the browser's share is small).
    const s = draftingMarksState(editor.state)!;
    const tr = editor.state.tr.setMeta(draftingMarksKey, { snapshot: { ...s.snapshot, clauses: new Map(agreed.map((c) => [c.key, c])) } });
    const started = performance.now();
    const next = editor.state.apply(tr);
    expect(performance.now() - started).toBeLessThan(50);
    expect(draftingMarksState(next)!.decorations.find().length).toBe(400);
    // In the page: only the hundred markers whose status changed are built again.
    const second = editor.view.dom.querySelectorAll("[data-margin-marker]")[1];
    drafting.apply({ clauses: agreed });
    expect(markers(editor)[3]).toBe("Paragraph 4: Agreed");
    expect(editor.view.dom.querySelectorAll("[data-margin-marker]")[1]).toBe(second);
    // Typing in one paragraph maps what is drawn rather than drawing it again.
    const before = performance.now();
    for (let i = 0; i < 20; i++) typeAt(editor, 2, "x");
    expect((performance.now() - before) / 20).toBeLessThan(10);
    expect(editor.view.dom.querySelectorAll("[data-margin-marker]")[1]).toBe(second);
  });
});

describe("brackets", () => {
  it("draws an open bracket as [passage / option], in the delegations' colours", async () => {
    const { editor, doc, drafting } = await setup();
    const text = "The Parties shall establish a joint assessment mechanism within twelve months.";
    const start = paragraphPositions(editor.state).get(keyOfText(doc, "establish"))! + 1;
    const from = start + text.indexOf("within");
    const to = from + "within twelve months".length;
    const bracket: BracketView = {
      id: "b1",
      clauseKey: keyOfText(doc, "establish"),
      from: anchorAt(editor.state, from)!,
      to: anchorAt(editor.state, to)!,
      passage: "within twelve months",
      reason: null,
      status: "OPEN",
      delegation: { id: "d-cn", name: "China", code: "CHN", colour: "#c2410c" },
      placedBy: { id: "u1", name: "Li" },
      holders: ["d-cn"],
      options: [],
      createdAt: "2026-12-01T10:00:00.000Z",
      resolvedAt: null,
      resolvedBy: null,
      agreedOptionId: null,
    };
    drafting.apply({ brackets: [bracket] });
    await settle();
    expect(textOf(editor, "establish")).toBe(text.replace("within twelve months", "[within twelve months]"));
    const option = { id: "o1", text: "by the end of next year", delegation: { id: "d-jp", name: "Japan", code: "JPN", colour: "#be185d" }, author: { id: "u2", name: "Aiko" }, supporters: [], createdAt: "2026-12-01T10:01:00.000Z" };
    drafting.apply({ brackets: [{ ...bracket, options: [option] }] });
    await settle();
    expect(textOf(editor, "establish")).toBe(text.replace("within twelve months", "[within twelve months / by the end of next year]"));
    const open = editor.view.dom.querySelector<HTMLElement>('[data-bracket-edge="open"]')!;
    expect(open.title).toBe("Bracket placed by China");
    expect(open.style.color).toMatch(/c2410c|194, 65, 12/);
    expect(editor.view.dom.querySelector<HTMLElement>("[data-option-id]")?.title).toBe("Option 2, proposed by Japan");
    // The Clean text view: the passage left out, no option, the seam tidied.
    const ranges = [...draftingMarksState(editor.state)!.placed.values()].map((p) => p.range!);
    expect(cleanBlocks(editor.state.doc, ranges)).toEqual([
      { kind: "h", level: 2, text: "Statement" },
      { kind: "p", text: "The Parties recognise the disruption." },
      { kind: "p", text: "The Parties shall establish a joint assessment mechanism." },
      { kind: "p", text: "" },
      { kind: "list", ordered: true, start: 1, items: [[{ kind: "p", text: "Exchange early-warning information." }], [{ kind: "p", text: "Review this statement." }]] },
    ]);
    // The shared text never contains the brackets.
    expect(doc.getXmlFragment(DOC_FIELD).toString()).not.toContain("[");
    // Lifted: gone.
    drafting.apply({ brackets: [{ ...bracket, status: "LIFTED" }] });
    await settle();
    expect(textOf(editor, "establish")).toBe(text);
  });
});

describe("agreed paragraphs", () => {
  it("refuse local changes touching them, with one polite notice; other paragraphs and remote changes pass", async () => {
    const { editor, doc, remote, drafting, notices } = await setup();
    const key = keyOfText(doc, "recognise");
    drafting.apply({ clauses: [clause(key, "AGREED")] });
    await settle();
    const pos = paragraphPositions(editor.state).get(key)!;
    const node = editor.state.doc.nodeAt(pos)!;
    const before = editor.state.doc;
    // Typing inside, at its start and at its end; Enter at its end; bold over it; deleting it.
    typeAt(editor, pos + 5, "x");
    typeAt(editor, pos + 1, "x");
    typeAt(editor, pos + node.nodeSize - 1, "x");
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos + node.nodeSize - 1)));
    editor.commands.splitBlock();
    editor.view.dispatch(editor.state.tr.addMark(pos + 1, pos + 4, editor.schema.marks.bold!.create()));
    editor.view.dispatch(editor.state.tr.delete(pos, pos + node.nodeSize));
    // Joining the next paragraph into it (Backspace at the next one's start).
    editor.view.dispatch(editor.state.tr.delete(pos + node.nodeSize - 1, pos + node.nodeSize + 1));
    expect(editor.state.doc.eq(before)).toBe(true);
    expect(notices).toEqual([AGREED_WORDS]);
    // Keys and typed text are refused up front (so suggesting never turns them into an amendment).
    const view = editor.view;
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos + 1)));
    expect(view.someProp("handleTextInput", (f) => f(view, pos + 1, pos + 1, "x", () => view.state.tr.insertText("x", pos + 1)))).toBe(true);
    for (const key of ["Backspace", "Enter"]) expect(view.someProp("handleKeyDown", (f) => f(view, new KeyboardEvent("keydown", { key })))).toBe(true);
    // Not outside it.
    const outside = pos + node.nodeSize + 3;
    expect(view.someProp("handleTextInput", (f) => f(view, outside, outside, "x", () => view.state.tr.insertText("x", outside)))).toBeFalsy();
    expect(notices).toEqual([AGREED_WORDS]);
    // The paragraph after it still takes typing, and a new block may go between.
    const next = pos + node.nodeSize;
    typeAt(editor, next + 1, "Also: ");
    expect(textOf(editor, "Also: The Parties shall")).toBeDefined();
    editor.view.dispatch(editor.state.tr.insert(next, editor.schema.nodes.paragraph!.create(null, editor.schema.text("Between."))));
    expect(editor.state.doc.textContent).toContain("Between.");
    // Someone else's change to it (the server's own, after a reopen) arrives.
    const el = clauseUnits(remote).find((u) => u.key === key)!.element;
    (el.get(0) as Y.XmlText).insert(0, "Remote ");
    await settle();
    expect(textOf(editor, "recognise")).toBe("Remote The Parties recognise the disruption.");
    // Reopened: local typing passes again.
    drafting.apply({ clauses: [clause(key, "OPEN")] });
    await settle();
    typeAt(editor, paragraphPositions(editor.state).get(key)! + 1, "Now ");
    expect(textOf(editor, "recognise")).toBe("Now Remote The Parties recognise the disruption.");
  });

  it("protects Agreed ad referendum too, and list items one by one", async () => {
    const { editor, doc, drafting } = await setup();
    const key = keyOfText(doc, "Exchange");
    drafting.apply({ clauses: [clause(key, "AGREED_AD_REFERENDUM")] });
    await settle();
    const pos = paragraphPositions(editor.state).get(key)!;
    const before = editor.state.doc;
    typeAt(editor, pos + 3, "x");
    expect(editor.state.doc.eq(before)).toBe(true);
    // The next item is open.
    const review = paragraphPositions(editor.state).get(keyOfText(doc, "Review"))!;
    typeAt(editor, review + 2, "Then ");
    expect(textOf(editor, "Then Review")).toBeDefined();
  });
});
