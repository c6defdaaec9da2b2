// Where anchored passages (amendments, brackets) are drawn in the editor now: each resolved from
// its Yjs anchors once, then carried along by the editor's own mapping as the text changes, and
// resolved again only when its anchors change or the text changed from Yjs. Shared by the
// amendment marks and the bracket marks.
import type { EditorState } from "@tiptap/pm/state";
import type { Mapping } from "@tiptap/pm/transform";
import { rangeResolver } from "./suggest/batch-positions";

export type TextRange = { from: number; to: number };
export type Placed = { from: Uint8Array; to: Uint8Array; range: TextRange | null };
type Anchored = { id: string; from: Uint8Array; to: Uint8Array };

export function clamp(range: TextRange | null, size: number): TextRange | null {
  if (!range) return null;
  const from = Math.max(0, Math.min(range.from, size));
  return { from, to: Math.max(from, Math.min(range.to, size)) };
}

/** Both ends stay before text typed exactly at them, as their anchors (tied to the character before) do. */
function mapRange(range: TextRange | null, mapping: Mapping): TextRange | null {
  if (!range) return null;
  const from = mapping.map(range.from, -1);
  return { from, to: Math.max(from, mapping.map(range.to, -1)) };
}

/** Every range carried through a local change (no anchor is resolved). */
export function mapPlaced(placed: ReadonlyMap<string, Placed>, mapping: Mapping, size: number): Map<string, Placed> {
  return new Map([...placed].map(([id, p]) => [id, { ...p, range: clamp(mapRange(p.range, mapping), size) }]));
}

/**
 * Each passage's range in `state`: kept from `prev` when its anchors are the same ones (the text
 * has not changed since they were resolved), resolved otherwise — one resolver per batch, so the
 * blocks' positions are summed once (batch-positions.ts).
 */
export function placeAll(state: EditorState, list: readonly Anchored[], prev: ReadonlyMap<string, Placed> | null): Map<string, Placed> {
  const size = state.doc.content.size;
  const out = new Map<string, Placed>();
  let resolve: ReturnType<typeof rangeResolver> | undefined;
  for (const a of list) {
    const known = prev?.get(a.id);
    if (known && known.from === a.from && known.to === a.to) {
      out.set(a.id, known);
      continue;
    }
    resolve ??= rangeResolver(state);
    out.set(a.id, { from: a.from, to: a.to, range: clamp(resolve ? resolve(a.from, a.to) : null, size) });
  }
  return out;
}
