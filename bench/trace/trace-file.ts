// Editing traces in the josephg/editing-traces format (the public josephg/editing-traces data set, CC BY 4.0):
// loading, causal structure, and code-point → UTF-16 positions for Y.Text.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

export type Patch = [pos: number, delLen: number, insText: string];
export type TraceTxn = { time?: string; agent?: number; parents?: number[]; patches: Patch[] };
export type Trace = { startContent: string; endContent: string; txns: TraceTxn[] };

export type LoadedTrace = Trace & {
  /** Concurrent traces carry `parents`; sequential ones are one agent's linear history. */
  isConcurrent: boolean;
  agents: number;
  patchCount: number;
  /** No astral character anywhere: code-point positions equal UTF-16 offsets. */
  isBmpOnly: boolean;
};

const ASTRAL = /[\u{10000}-\u{10FFFF}]/u;

export function loadTrace(file: string): LoadedTrace {
  const raw = readFileSync(file);
  const json = JSON.parse((file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8")) as Partial<Trace> & { txns?: unknown };
  if (!Array.isArray(json.txns) || typeof json.endContent !== "string") throw new Error(`${file}: not an editing trace (needs txns[] and endContent)`);
  const txns = json.txns as TraceTxn[];
  const startContent = typeof json.startContent === "string" ? json.startContent : "";
  const isConcurrent = txns.some((t) => t.parents !== undefined || t.agent !== undefined);
  let agents = 1;
  let patchCount = 0;
  let isBmpOnly = !ASTRAL.test(startContent) && !ASTRAL.test(json.endContent);
  for (const [i, t] of txns.entries()) {
    if (!Array.isArray(t.patches)) throw new Error(`${file}: txn ${i} has no patches`);
    if (isConcurrent) {
      if (!Number.isInteger(t.agent) || (t.agent ?? -1) < 0) throw new Error(`${file}: txn ${i} has no agent`);
      for (const p of t.parents ?? []) if (!(p >= 0 && p < i)) throw new Error(`${file}: txn ${i} has parent ${p}, not an earlier txn`);
      agents = Math.max(agents, t.agent! + 1);
    }
    patchCount += t.patches.length;
    if (isBmpOnly) for (const p of t.patches) if (ASTRAL.test(p[2])) isBmpOnly = false;
  }
  return { startContent, endContent: json.endContent, txns, isConcurrent, agents, patchCount, isBmpOnly };
}

/** UTF-16 offset of code point `cp` in `s`. */
export function utf16Offset(s: string, cp: number): number {
  let off = 0;
  for (let i = 0; i < cp; i++) {
    const c = s.charCodeAt(off);
    off += c >= 0xd800 && c <= 0xdbff && off + 1 < s.length ? 2 : 1;
  }
  return off;
}

/**
 * For each txn, how many txns of each agent its causal history holds (itself included):
 * a version vector. `parents` absent or empty = the start document. A transaction's history
 * must contain its own agent's previous transaction (one Yjs client per agent is linear).
 */
export function versionVectors(trace: LoadedTrace): { vv: Int32Array; byAgent: number[][] } {
  const n = trace.txns.length;
  const a = trace.agents;
  const vv = new Int32Array(n * a);
  const byAgent: number[][] = Array.from({ length: a }, () => []);
  for (let i = 0; i < n; i++) {
    const t = trace.txns[i]!;
    const agent = t.agent ?? 0;
    const row = i * a;
    const parents = trace.isConcurrent ? (t.parents ?? []) : i > 0 ? [i - 1] : [];
    for (const p of parents) for (let k = 0; k < a; k++) vv[row + k] = Math.max(vv[row + k]!, vv[p * a + k]!);
    const own = byAgent[agent]!;
    if (vv[row + agent] !== own.length) {
      throw new Error(`txn ${i}: agent ${agent} made it on top of ${vv[row + agent]} of its own ${own.length} earlier txns; one replica per agent cannot replay that`);
    }
    vv[row + agent] = own.length + 1;
    own.push(i);
  }
  return { vv, byAgent };
}
