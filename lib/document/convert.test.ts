import { describe, expect, it } from "vitest";
import { docFromState, plainTextOf, pmJsonOf, stateFromPmJson, type PmJson } from "./convert";

const draft: PmJson = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "公共卫生 협력 メカニズム" }] },
    { type: "paragraph", content: [{ type: "text", text: "Noting ", marks: [{ type: "italic" }] }, { type: "text", text: "the forecast of −3 %." }] },
    {
      type: "orderedList",
      attrs: { start: 1 },
      content: [
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Share data." }] }] },
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Meet monthly." }] }] },
      ],
    },
  ],
};

describe("document conversion", () => {
  it("round-trips ProseMirror JSON through a Yjs state, CJK included", () => {
    const doc = docFromState(stateFromPmJson(draft));
    const text = plainTextOf(pmJsonOf(doc));
    expect(text).toBe("公共卫生 협력 メカニズム\nNoting the forecast of −3 %.\n1. Share data.\n2. Meet monthly.");
  });

  it("keeps marks", () => {
    const json = pmJsonOf(docFromState(stateFromPmJson(draft)));
    expect(json.content?.[1]?.content?.[0]?.marks?.map((m) => m.type)).toEqual(["italic"]);
  });
});
