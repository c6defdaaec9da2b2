// A refused direct edit's words are recovered from its Yjs update for the notice.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { insertedText } from "./refused-text";

describe("insertedText", () => {
  it("reads what a change typed, not what it deleted", () => {
    const doc = new Y.Doc();
    const text = doc.getText("t");
    text.insert(0, "The Parties shall establish.");
    const before = Y.encodeStateVector(doc);
    text.insert(12, "jointly ");
    text.insert(20, "and promptly ");
    text.delete(0, 4);
    const update = Y.encodeStateAsUpdate(doc, before);
    expect(insertedText(update)).toBe("jointly and promptly");
  });

  it("leaves out what was typed and removed again in the same change", () => {
    const doc = new Y.Doc();
    const text = doc.getText("t");
    text.insert(0, "abc");
    const before = Y.encodeStateVector(doc);
    text.insert(3, "xyz");
    text.delete(3, 3);
    text.insert(3, "日本語");
    expect(insertedText(Y.encodeStateAsUpdate(doc, before))).toBe("日本語");
  });

  it("says nothing for a change that only deleted, or unreadable bytes", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "abc");
    const before = Y.encodeStateVector(doc);
    doc.getText("t").delete(0, 1);
    expect(insertedText(Y.encodeStateAsUpdate(doc, before))).toBe("");
    expect(insertedText(new Uint8Array([255, 1, 2]))).toBe("");
  });
});
