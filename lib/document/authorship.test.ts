import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { authorRuns, textWithClients } from "./authorship";
import { docFromState, plainTextOf, pmJsonOf, stateFromPmJson } from "./convert";
import { DEMO_PROPOSALS } from "../../server/seed/content";

function firstText(doc: Y.Doc, block = 0): Y.XmlText {
  return (doc.getXmlFragment("default").get(block) as Y.XmlElement).get(0) as Y.XmlText;
}

describe("textWithClients", () => {
  it("produces exactly the plain text of the ProseMirror rendering (every demo draft)", () => {
    for (const p of DEMO_PROPOSALS) {
      const doc = docFromState(stateFromPmJson(p.doc));
      expect(textWithClients(doc).text).toBe(plainTextOf(pmJsonOf(doc)));
    }
  });

  it("attributes each character to the client that inserted it, and generated text to nobody", () => {
    const base = docFromState(
      stateFromPmJson({
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "Share data." }] },
          { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Meet." }] }] }] },
        ],
      }),
    );
    const seedClient = [...Y.decodeStateVector(Y.encodeStateVector(base)).keys()][0];
    const japan = new Y.Doc();
    japan.clientID = 1111;
    Y.applyUpdate(japan, Y.encodeStateAsUpdate(base));
    firstText(japan).insert(6, "health ");
    const { text, runs } = textWithClients(japan);
    expect(text).toBe("Share health data.\n1. Meet.");
    expect(runs).toEqual([
      { length: 6, client: seedClient },
      { length: 7, client: 1111 },
      { length: 5, client: seedClient },
      { length: 4, client: null }, // "\n1. "
      { length: 5, client: seedClient },
    ]);
    const delegations = authorRuns(runs, (c) => (c === 1111 ? "JPN" : "SEED"));
    expect(delegations.map((r) => [r.length, r.author])).toEqual([
      [6, "SEED"],
      [7, "JPN"],
      [5, "SEED"],
      [4, null],
      [5, "SEED"],
    ]);
  });

  it("skips deleted text", () => {
    const doc = docFromState(stateFromPmJson({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "abcdef" }] }] }));
    firstText(doc).delete(1, 3);
    expect(textWithClients(doc).text).toBe("aef");
  });
});
