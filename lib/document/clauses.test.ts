import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { clauseUnits, paragraphKeys, unitKeyOfText, type ClauseUnit } from "./clauses";
import { textBlocks } from "./anchors";
import type { PmJson } from "./convert";
import { applyEdit, docOf, editorUpdate, heading, list, para, replica, text } from "../../tests/helpers/editor-edits";
import { pmJsonOf } from "./convert";

const summary = (units: ClauseUnit[]) => units.map((u) => ({ kind: u.kind, text: u.text, counted: u.counted }));
const keyOfText = (units: ClauseUnit[], t: string): string => {
  const unit = units.find((u) => u.text === t);
  if (!unit) throw new Error(`no unit reads "${t}"`);
  return unit.key;
};
const blocksOf = (doc: Y.Doc): PmJson[] => structuredClone(pmJsonOf(doc).content ?? []);
const p = (t: string) => para(text(t));

describe("clauseUnits", () => {
  it("counts top-level blocks, and a list by its items", () => {
    const doc = docOf(heading("Preamble"), p("Recalling the treaty,"), list("orderedList", "Decides to act;", "Requests a report."), list("bulletList", "A point"), para(), { type: "horizontalRule" });
    expect(summary(clauseUnits(doc))).toEqual([
      { kind: "heading", text: "Preamble", counted: false },
      { kind: "paragraph", text: "Recalling the treaty,", counted: true },
      { kind: "clause", text: "Decides to act;", counted: true },
      { kind: "clause", text: "Requests a report.", counted: true },
      { kind: "paragraph", text: "A point", counted: true },
      { kind: "paragraph", text: "", counted: false },
      { kind: "other", text: "", counted: false },
    ]);
    expect(paragraphKeys(doc)).toEqual(clauseUnits(doc).filter((u) => u.counted).map((u) => u.key));
  });

  it("names each unit by its element's Yjs id, the same on every replica", () => {
    const doc = docOf(p("One."), list("orderedList", "Two;"));
    const units = clauseUnits(doc);
    expect(units.map((u) => u.key)).toEqual(units.map((u) => `${u.element._item!.id.client}:${u.element._item!.id.clock}`));
    expect(clauseUnits(replica(doc)).map((u) => u.key)).toEqual(units.map((u) => u.key));
  });

  it("finds the unit of a text block: the paragraph, or the list item around it", () => {
    const doc = docOf(heading("Title"), p("Plain."), list("orderedList", "Clause;"));
    const [title, plain, clause] = textBlocks(doc);
    const units = clauseUnits(doc);
    expect([title, plain, clause].map((t) => unitKeyOfText(doc, t!))).toEqual(units.map((u) => u.key));
  });
});

describe("paragraph identity under editing", () => {
  const A = "Alpha paragraph.";
  const B = "Bravo paragraph stays.";
  const C = "Charlie paragraph.";
  const D = "Delta paragraph.";
  const base = () => docOf(p(A), p(B), p(C), p(D));

  it.each<[string, (blocks: PmJson[]) => PmJson[]]>([
    ["typing inside it", (b) => [b[0]!, p(`${B} More.`), b[2]!, b[3]!]],
    ["a paragraph inserted before it", (b) => [b[0]!, p("New."), b[1]!, b[2]!, b[3]!]],
    ["the paragraph before it deleted", (b) => [b[1]!, b[2]!, b[3]!]],
    ["the paragraphs after it merged", (b) => [b[0]!, b[1]!, p(`${C} ${D}`)]],
    ["the paragraph before it split", (b) => [p("Alpha"), p(" paragraph."), b[1]!, b[2]!, b[3]!]],
  ])("keeps its key with %s", (_, edit) => {
    const doc = base();
    const key = keyOfText(clauseUnits(doc), B);
    applyEdit(doc, { type: "doc", content: edit(blocksOf(doc)) });
    const after = clauseUnits(doc).find((u) => u.key === key);
    expect(after?.text.startsWith(B)).toBe(true);
  });

  it("a paragraph split in two keeps its key for the first part", () => {
    const doc = base();
    const key = keyOfText(clauseUnits(doc), B);
    applyEdit(doc, { type: "doc", content: [p(A), p("Bravo paragraph"), p(" stays."), p(C), p(D)] });
    const units = clauseUnits(doc);
    expect(units.find((u) => u.key === key)?.text).toBe("Bravo paragraph");
    expect(units.map((u) => u.text)).toEqual([A, "Bravo paragraph", " stays.", C, D]);
  });

  it("survives concurrent edits that split and merge its neighbours", () => {
    const first = base();
    const second = replica(first);
    const before = clauseUnits(first);
    const key = keyOfText(before, B);
    // Concurrently: one tab splits the paragraph before B, the other merges the two after it.
    const split = editorUpdate(first, (b) => [p("Alpha"), p(" paragraph."), b[1]!, b[2]!, b[3]!]);
    const merge = editorUpdate(second, (b) => [b[0]!, b[1]!, p(`${C} ${D}`)]);
    for (const doc of [first, second]) {
      Y.applyUpdate(doc, split);
      Y.applyUpdate(doc, merge);
    }
    const [a, b] = [clauseUnits(first), clauseUnits(second)];
    expect(a.map((u) => [u.key, u.text])).toEqual(b.map((u) => [u.key, u.text]));
    expect(a.find((u) => u.key === key)?.text).toBe(B);
    expect(a.map((u) => u.text)).toEqual(["Alpha", " paragraph.", B, `${C} ${D}`]);
  });
});
