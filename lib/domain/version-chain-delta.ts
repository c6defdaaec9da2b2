// Byte deltas between neighbouring versions: how a version's text and Yjs state are stored when a
// newer version already holds nearly the same bytes. A delta is a list of "copy n bytes from the
// base at p" and "add these bytes" steps, so applying it gives back exactly the bytes it was made
// from — the state's SHA-256 in the hash chain still matches what is rebuilt. It knows nothing of
// Yjs: a state is bytes like any other, and neighbouring states share all but a few runs of them.
//
// Format: varint target length, then steps. A step is a varint `length << 1 | isAdd`; an add is
// followed by its bytes, a copy by its source offset as a zigzag varint relative to where the
// previous copy ended (edits are local, so that is usually one byte).

/** Matches are found on blocks of this many bytes: shorter common runs are stored as added bytes. */
const BLOCK = 16;

type Step = { kind: "copy"; from: number; length: number } | { kind: "add"; start: number; end: number };

/** The delta that turns `base` into `target`. Linear time and memory in their lengths. */
export function encodeDelta(base: Uint8Array, target: Uint8Array): Uint8Array {
  const steps: Step[] = [];
  const prefix = commonPrefix(base, target);
  const suffix = commonSuffix(base, target, prefix);
  if (prefix > 0) steps.push({ kind: "copy", from: 0, length: prefix });
  middleSteps(base, prefix, base.length - suffix, target, prefix, target.length - suffix, steps);
  if (suffix > 0) steps.push({ kind: "copy", from: base.length - suffix, length: suffix });
  return write(target, steps);
}

/** `base` with `delta` applied. Throws on a delta that does not fit its base (damaged or wrong base). */
export function applyDelta(base: Uint8Array, delta: Uint8Array): Uint8Array {
  const r = { at: 0 };
  const size = readVarint(delta, r);
  const out = new Uint8Array(size);
  let written = 0;
  let copyEnd = 0;
  while (r.at < delta.length) {
    const head = readVarint(delta, r);
    const length = Math.floor(head / 2);
    if (written + length > size) throw new RangeError("delta: longer than its target");
    if (head % 2 === 1) {
      if (r.at + length > delta.length) throw new RangeError("delta: truncated");
      out.set(delta.subarray(r.at, r.at + length), written);
      r.at += length;
    } else {
      const from = copyEnd + unzigzag(readVarint(delta, r));
      if (from < 0 || from + length > base.length) throw new RangeError("delta: copies outside its base");
      out.set(base.subarray(from, from + length), written);
      copyEnd = from + length;
    }
    written += length;
  }
  if (written !== size) throw new RangeError("delta: shorter than its target");
  return out;
}

function commonPrefix(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

/** Common suffix that does not reach into the first `prefix` bytes of either. */
function commonSuffix(a: Uint8Array, b: Uint8Array, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < n && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/**
 * Steps for target[tFrom, tTo) from base[bFrom, bTo): base blocks at every BLOCK-th position are
 * indexed by a rolling hash; the target is scanned byte by byte, and each block found is extended
 * both ways. Any common run of 2·BLOCK−1 bytes or more contains an indexed block, so it is found.
 */
function middleSteps(base: Uint8Array, bFrom: number, bTo: number, target: Uint8Array, tFrom: number, tTo: number, steps: Step[]): void {
  let pending = tFrom;
  const flush = (to: number) => {
    if (to > pending) steps.push({ kind: "add", start: pending, end: to });
  };
  if (bTo - bFrom >= BLOCK && tTo - tFrom >= BLOCK) {
    const index = new Map<number, number>();
    for (let p = bFrom; p + BLOCK <= bTo; p += BLOCK) {
      const h = hashAt(base, p);
      if (!index.has(h)) index.set(h, p);
    }
    let t = tFrom;
    let h = hashAt(target, t);
    while (t + BLOCK <= tTo) {
      const p = index.get(h);
      if (p !== undefined && equalRun(base, p, target, t, BLOCK)) {
        let start = t;
        let from = p;
        while (start > pending && from > bFrom && base[from - 1] === target[start - 1]) {
          start--;
          from--;
        }
        let end = t + BLOCK;
        let fromEnd = p + BLOCK;
        while (end < tTo && fromEnd < bTo && base[fromEnd] === target[end]) {
          end++;
          fromEnd++;
        }
        flush(start);
        steps.push({ kind: "copy", from, length: end - start });
        pending = end;
        t = end;
        if (t + BLOCK <= tTo) h = hashAt(target, t);
        continue;
      }
      if (t + BLOCK < tTo) h = roll(h, target[t]!, target[t + BLOCK]!);
      t++;
    }
  }
  flush(tTo);
}

// Rolling polynomial hash over BLOCK bytes, modulo 2^32.
const MUL = 0x01000193;
const MUL_POW_BLOCK = (() => {
  let x = 1;
  for (let i = 0; i < BLOCK; i++) x = Math.imul(x, MUL);
  return x;
})();

function hashAt(bytes: Uint8Array, at: number): number {
  let h = 0;
  for (let i = at; i < at + BLOCK; i++) h = (Math.imul(h, MUL) + bytes[i]!) | 0;
  return h;
}

function roll(h: number, out: number, into: number): number {
  return (Math.imul(h, MUL) + into - Math.imul(out, MUL_POW_BLOCK)) | 0;
}

function equalRun(a: Uint8Array, ai: number, b: Uint8Array, bi: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[ai + i] !== b[bi + i]) return false;
  return true;
}

function write(target: Uint8Array, steps: readonly Step[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, target.length);
  let copyEnd = 0;
  const chunks: Uint8Array[] = [];
  const emit = () => {
    if (out.length > 0) chunks.push(Uint8Array.from(out.splice(0)));
  };
  for (const s of steps) {
    if (s.kind === "add") {
      writeVarint(out, (s.end - s.start) * 2 + 1);
      emit();
      chunks.push(target.subarray(s.start, s.end));
    } else {
      writeVarint(out, s.length * 2);
      writeVarint(out, zigzag(s.from - copyEnd));
      copyEnd = s.from + s.length;
    }
  }
  emit();
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

// Varints of up to 2^53: 7 bits a byte, arithmetic rather than bit operators (which stop at 2^31).
function writeVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n % 0x80) + 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

function readVarint(bytes: Uint8Array, r: { at: number }): number {
  let n = 0;
  let scale = 1;
  for (;;) {
    if (r.at >= bytes.length || scale > 2 ** 49) throw new RangeError("delta: bad number");
    const b = bytes[r.at++]!;
    n += (b & 0x7f) * scale;
    if (b < 0x80) return n;
    scale *= 0x80;
  }
}

const zigzag = (n: number) => (n < 0 ? -2 * n - 1 : 2 * n);
const unzigzag = (n: number) => (n % 2 === 1 ? -(n + 1) / 2 : n / 2);
