// Where a trace's text lives in a proposal: the first paragraph's Y.XmlText (the bench fixture's
// draft is one paragraph). Shared by the trace replay and the room-load benchmark.
import * as Y from "yjs";
import { utf16Offset, type TraceTxn } from "./trace-file.ts";

export function paragraphText(doc: Y.Doc): Y.XmlText {
  const paragraph = doc.getXmlFragment("default").get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error("the proposal's first paragraph has no text node");
  return text;
}

/** The paragraph's characters (Y.XmlText's own toString renders formatting as tags). */
export function plainText(doc: Y.Doc): string {
  return Y.Text.prototype.toString.call(paragraphText(doc));
}

export function applyTxn(text: Y.XmlText, txn: TraceTxn, isBmpOnly: boolean): void {
  for (const [pos, delLen, ins] of txn.patches) {
    let at = pos;
    let len = delLen;
    if (!isBmpOnly) {
      const s = Y.Text.prototype.toString.call(text);
      at = utf16Offset(s, pos);
      len = utf16Offset(s, pos + delLen) - at;
    }
    if (len > 0) text.delete(at, len);
    if (ins.length > 0) text.insert(at, ins);
  }
}
