// What the amendment and comment tests send through a test client's socket, as the browser's
// panels send them, and anchors made as the editor makes them.
import type * as Y from "yjs";
import { anchorAt, blockText, textBlocks } from "../../lib/document/anchors";
import type { TestClient } from "./test-server";

/** One event on the client's socket, resolved with its acknowledgement. */
export function sendEvent<A>(c: TestClient, event: string, payload: Record<string, unknown>, ms = 15_000): Promise<A> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), ms);
    (c.socket as unknown as { emit(e: string, p: unknown, cb: (r: A) => void): void }).emit(event, payload, (res) => {
      clearTimeout(timer);
      resolve(res);
    });
  });
}

/** Anchors around the first `passage` of the document's first paragraph. */
export function around(doc: Y.Doc, passage: string): { from: Uint8Array; to: Uint8Array } {
  const block = textBlocks(doc)[0]!;
  const at = blockText(block).indexOf(passage);
  if (at < 0) throw new Error(`"${passage}" is not in the text`);
  return { from: anchorAt(block, at), to: anchorAt(block, at + passage.length) };
}
