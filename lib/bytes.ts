// Prisma's Bytes fields are typed as Uint8Array over a plain ArrayBuffer. Yjs allocates its
// updates on plain ArrayBuffers too (never shared memory), so this narrowing is sound and
// saves a copy on the journal's hot path.
export function asBytes(u: Uint8Array): Uint8Array<ArrayBuffer> {
  return u as Uint8Array<ArrayBuffer>;
}
