// Prisma's Bytes fields are typed as Uint8Array over a plain ArrayBuffer. Yjs allocates its
// updates on plain ArrayBuffers too (never shared memory), so this narrowing is sound and
// saves a copy on the journal's hot path.
export function asBytes(u: Uint8Array): Uint8Array<ArrayBuffer> {
  return u as Uint8Array<ArrayBuffer>;
}

/** Byte-for-byte equality (anchors, updates): a resend of the same thing is recognised as such. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
