// What the bracket and clause-status tests send and read through a test client, as the
// browser's drafting panels do.
import * as Y from "yjs";
import { anchorAt, blockText, textBlocks } from "../../lib/document/anchors";
import { paragraphKeys } from "../../lib/document/clauses";
import type { BracketView, ClauseView, ReadingView } from "../../lib/protocol";
import { sendEvent } from "./amendment-client";
import type { TestClient } from "./test-server";

export type DraftingAck = { ok: boolean; error?: { code: string; message: string }; bracket?: BracketView; clause?: ClauseView; reading?: ReadingView };

export function send(c: TestClient, event: string, payload: Record<string, unknown>): Promise<DraftingAck> {
  return sendEvent<DraftingAck>(c, event, payload, 15_000);
}

/** Anchors around the first `passage` in any paragraph of the client's text. */
export function anchorsOf(doc: Y.Doc, passage: string): { from: Uint8Array; to: Uint8Array } {
  for (const block of textBlocks(doc)) {
    const at = blockText(block).indexOf(passage);
    if (at >= 0) return { from: anchorAt(block, at), to: anchorAt(block, at + passage.length) };
  }
  throw new Error(`"${passage}" is not in the text`);
}

/** The counted paragraphs' keys of the client's text, in order. */
export function keysOf(c: TestClient): string[] {
  return paragraphKeys(c.doc);
}

/** Types a new paragraph at the end of the text, as the editor would, and waits until it is stored. */
export async function appendParagraph(c: TestClient, text: string): Promise<void> {
  c.doc.transact(() => {
    const paragraph = new Y.XmlElement("paragraph");
    c.doc.getXmlFragment("default").push([paragraph]);
    paragraph.push([new Y.XmlText(text)]);
  });
  await c.provider.whenSaved();
}

export function draftingOf(c: TestClient) {
  return c.provider.drafting.snapshot();
}
