import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { touchedUnitKeys } from "./clause-guard";
import { clauseUnits } from "./clauses";
import { textBlocks } from "./anchors";
import type { PmJson } from "./convert";
import { DOC_FIELD } from "./schema";
import { docOf, editorUpdate, heading, list, para, replica, text } from "../../tests/helpers/editor-edits";

const p = (t: string) => para(text(t));
const A = "Alpha paragraph.";
const B = "Bravo paragraph here.";
const C = "Charlie paragraph.";
const D = "Delta paragraph.";

/** Heading, A, B, C, an ordered list of two clauses, D — and each unit's key by a short name. */
function base() {
  const doc = docOf(heading("Title"), p(A), p(B), p(C), list("orderedList", "First clause;", "Second clause."), p(D));
  const [title, a, b, c, one, two, d] = clauseUnits(doc).map((u) => u.key);
  return { doc, keys: { title: title!, A: a!, B: b!, C: c!, one: one!, two: two!, D: d! } };
}
type Name = keyof ReturnType<typeof base>["keys"];

/** The units touched, by name, in the order above. */
function touchedBy(edit: (blocks: PmJson[]) => PmJson[]): Name[] {
  const { doc, keys } = base();
  const touched = touchedUnitKeys(doc, editorUpdate(doc, edit));
  return (Object.keys(keys) as Name[]).filter((n) => touched.has(keys[n]));
}

describe("touchedUnitKeys: edits as the editor makes them", () => {
  // Blocks: 0 title, 1 A, 2 B, 3 C, 4 the list, 5 D.
  it.each<[string, (b: PmJson[]) => PmJson[], Name[]]>([
    ["typing in B touches only B", (b) => [b[0]!, b[1]!, p("Bravo paragraph here, typed."), ...b.slice(3)], ["B"]],
    ["deleting characters in B", (b) => [b[0]!, b[1]!, p("Bravo here."), ...b.slice(3)], ["B"]],
    ["a new paragraph after B touches nothing existing", (b) => [...b.slice(0, 3), p("A new paragraph."), ...b.slice(3)], []],
    ["a new paragraph at the end", (b) => [...b, p("The end.")], []],
    ["Enter in the middle of B touches B", (b) => [b[0]!, b[1]!, p("Bravo para"), p("graph here."), ...b.slice(3)], ["B"]],
    ["merging B with C touches B (and C)", (b) => [b[0]!, b[1]!, p(`${B} ${C}`), ...b.slice(4)], ["B", "C"]],
    ["merging A with B touches B (and A)", (b) => [b[0]!, p(`${A} ${B}`), ...b.slice(3)], ["A", "B"]],
    ["bold on a word touches that unit", (b) => [b[0]!, b[1]!, para(text("Bravo "), text("paragraph", "bold"), text(" here.")), ...b.slice(3)], ["B"]],
    ["deleting B touches B", (b) => [b[0]!, b[1]!, ...b.slice(3)], ["B"]],
    ["deleting a list touches its items", (b) => [...b.slice(0, 4), b[5]!], ["one", "two"]],
    ["typing in a clause touches that clause", (b) => [...b.slice(0, 4), list("orderedList", "First clause, amended;", "Second clause."), b[5]!], ["one"]],
    ["a new clause in a list touches no clause", (b) => [...b.slice(0, 4), list("orderedList", "First clause;", "Between;", "Second clause."), b[5]!], []],
    ["renaming the heading touches the heading", (b) => [heading("Another title"), ...b.slice(1)], ["title"]],
  ])("%s", (_, edit, expected) => {
    expect(touchedBy(edit)).toEqual(expected);
  });
});

describe("touchedUnitKeys: updates made through Yjs", () => {
  it("sees attributes of the unit's element and blocks nested inside a list item", () => {
    const { doc, keys } = base();
    const tab = replica(doc);
    const sv = Y.encodeStateVector(tab);
    const item = (tab.getXmlFragment(DOC_FIELD).get(4) as Y.XmlElement).get(1) as Y.XmlElement;
    const nested = new Y.XmlElement("paragraph");
    nested.insert(0, [new Y.XmlText("Nested.")]);
    item.insert(1, [nested]);
    expect(touchedUnitKeys(doc, Y.encodeStateAsUpdate(tab, sv))).toEqual(new Set([keys.two]));

    const sv2 = Y.encodeStateVector(tab);
    (tab.getXmlFragment(DOC_FIELD).get(0) as Y.XmlElement).setAttribute("level", "3" as never);
    expect(touchedUnitKeys(doc, Y.encodeStateAsUpdate(tab, sv2))).toEqual(new Set([keys.title]));
  });

  it("a paste that runs from C into D touches both", () => {
    const { doc, keys } = base();
    const tab = replica(doc);
    const sv = Y.encodeStateVector(tab);
    tab.transact(() => {
      const [, , , c, , , d] = textBlocks(tab);
      c!.delete(8, C.length - 8);
      d!.delete(0, 6);
      c!.insert(8, "pasted ");
    });
    expect(touchedUnitKeys(doc, Y.encodeStateAsUpdate(tab, sv))).toEqual(new Set([keys.C, keys.D]));
  });

  it("does not count deletions the document already has (an update encoded from a whole state)", () => {
    const { doc, keys } = base();
    // B was edited before: its old characters are deleted in the document already.
    Y.applyUpdate(doc, editorUpdate(doc, (b) => [b[0]!, b[1]!, p("Bravo."), ...b.slice(3)]));
    const tab = replica(doc);
    const sv = Y.encodeStateVector(tab);
    textBlocks(tab)[3]!.insert(0, "Now ");
    // encodeStateAsUpdate names every deletion ever made, B's included, as a restore's change does.
    const update = Y.encodeStateAsUpdate(tab, sv);
    expect(Y.decodeUpdate(update).ds.clients.size).toBeGreaterThan(0);
    expect(touchedUnitKeys(doc, update)).toEqual(new Set([keys.C]));
  });

  it("counts what an update types into text it brings itself (and deletes of it) as new", () => {
    const { doc } = base();
    const tab = replica(doc);
    const sv = Y.encodeStateVector(tab);
    const fresh = new Y.XmlElement("paragraph");
    const t = new Y.XmlText("Typed and ");
    fresh.insert(0, [t]);
    tab.getXmlFragment(DOC_FIELD).insert(3, [fresh]);
    t.insert(10, "fixed");
    t.delete(0, 6);
    expect(touchedUnitKeys(doc, Y.encodeStateAsUpdate(tab, sv))).toEqual(new Set());
  });

  it("with `watch`, reports only the watched keys", () => {
    const { doc, keys } = base();
    const update = editorUpdate(doc, (b) => [b[0]!, p(`${A} ${B}`), ...b.slice(3)]);
    expect(touchedUnitKeys(doc, update, new Set([keys.B, keys.D]))).toEqual(new Set([keys.B]));
    expect(touchedUnitKeys(doc, update, new Set([keys.D]))).toEqual(new Set());
    expect(touchedUnitKeys(doc, update, new Set())).toEqual(new Set());
  });

  it("changes nothing in the document it reads", () => {
    const { doc } = base();
    const before = Y.encodeStateAsUpdate(doc);
    touchedUnitKeys(doc, editorUpdate(doc, (b) => [b[0]!, ...b.slice(2)]));
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
