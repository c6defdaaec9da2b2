// A version's Yjs state is stored deflate-compressed: text compresses 3–4×, and thousands of
// versions of a long text add up.
import { deflateRawSync, inflateRawSync } from "node:zlib";
import * as Y from "yjs";

export function packState(state: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(deflateRawSync(state));
}

export function unpackState(stored: Uint8Array): Uint8Array {
  return new Uint8Array(inflateRawSync(stored));
}

export function docOfVersion(stored: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, unpackState(stored));
  return doc;
}
