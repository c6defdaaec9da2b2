// The tamper-evident chain of a proposal's versions: each version's hash covers the previous
// hash, its text and its metadata, so changing any stored version (or removing one) breaks the
// chain at exactly that point.
import { createHash } from "node:crypto";
import type { VersionKind } from "./vocabulary.ts";

export type ChainedVersion = {
  proposalId: string;
  number: number;
  kind: VersionKind;
  label: string | null;
  text: string;
  contributors: readonly string[];
  authorId: string | null;
  createdAt: Date;
  /** SHA-256 of the stored Yjs state, so the state is covered as well as the text. */
  stateSha256: string;
  prevHash: string | null;
};

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** SHA-256 over a fixed-order JSON array: no key-order or whitespace ambiguity. */
export function versionHash(v: ChainedVersion): string {
  const canonical = JSON.stringify([
    "accord-version/1",
    v.proposalId,
    v.number,
    v.kind,
    v.label,
    v.text,
    [...v.contributors].sort(),
    v.authorId,
    v.createdAt.toISOString(),
    v.stateSha256,
    v.prevHash,
  ]);
  return sha256Hex(canonical);
}

export type ChainReport =
  | { isIntact: true; checked: number }
  | { isIntact: false; checked: number; brokenAt: number; reason: "hash-mismatch" | "broken-link" | "missing-version" };

/**
 * Recomputes every hash, oldest first; reports the first version where the chain breaks.
 * `after` continues a check done page by page: the last verified version before these.
 */
export function verifyChain(
  versions: ReadonlyArray<ChainedVersion & { hash: string }>,
  after: { number: number; hash: string } | null = null,
): ChainReport {
  return verifyLinks(
    versions.map((v) => ({ number: v.number, prevHash: v.prevHash, hash: v.hash, recomputed: () => versionHash(v) })),
    after,
  );
}

/** One link as verifyLinks checks it: `recomputed` is the hash of what is stored (null: unreadable). */
export type ChainLink = { number: number; prevHash: string | null; hash: string; recomputed: () => string | null };

/**
 * verifyChain for links whose hashes are recomputed by the caller (e.g. from texts rebuilt from
 * deltas, newest first, so that only one text is held at a time). Same order of checks, same report.
 */
export function verifyLinks(links: readonly ChainLink[], after: { number: number; hash: string } | null = null): ChainReport {
  const sorted = [...links].sort((a, b) => a.number - b.number);
  let prev: { number: number; hash: string } | null = after;
  for (const [i, v] of sorted.entries()) {
    if (v.number !== (prev ? prev.number + 1 : 1)) return { isIntact: false, checked: i, brokenAt: v.number, reason: "missing-version" };
    if (v.prevHash !== (prev ? prev.hash : null)) return { isIntact: false, checked: i, brokenAt: v.number, reason: "broken-link" };
    if (v.recomputed() !== v.hash) return { isIntact: false, checked: i, brokenAt: v.number, reason: "hash-mismatch" };
    prev = v;
  }
  return { isIntact: true, checked: sorted.length };
}
