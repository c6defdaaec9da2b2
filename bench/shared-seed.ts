// Seeding helpers the amendments and brackets benchmarks' fixtures share
// (bench/amendments/fixture.ts, bench/brackets/fixture.ts): a deterministic PRNG, ids, the
// chair, the base fixture's delegates by delegation, and a proposal with its starting draft.
import type { Db } from "../lib/db.ts";
import type { EditingMode } from "../lib/domain/vocabulary.ts";
import { recordStartingDraft } from "../server/document-store/starting-draft.ts";
import { cutVersion, freezeText } from "../server/services/history/cut-version.ts";

/** mulberry32: a small deterministic PRNG (the same text and annotations in every run). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 25 lowercase letters and digits, like the app's cuids (protocol ids are [A-Za-z0-9_-]). */
export function idFrom(rnd: () => number): string {
  let s = "c";
  while (s.length < 25) s += Math.floor(rnd() * 36).toString(36);
  return s;
}

const COUNT_WORDS = ["no", "one", "two", "three", "four"];

/** A moderator of the workshop: the chair who accepts, sets statuses and owns the starting drafts. */
export async function addChair(db: Db, workshopId: string): Promise<string> {
  const chairUser = await db.user.create({ data: { email: `chair-${workshopId}@bench.example`, name: "Chair", passwordHash: "unused" } });
  await db.member.create({ data: { workshopId, userId: chairUser.id, role: "MODERATOR" } });
  return chairUser.id;
}

/** Delegates by delegation (the base fixture spreads them over four); `delegateOf(d, n)` is the n-th delegate (round robin) of the d-th delegation (any integer d, taken round robin too). */
export async function delegatesByDelegation(db: Db, workshopId: string, atLeast: number, who: string) {
  const members = await db.member.findMany({ where: { workshopId, role: "DELEGATE" }, select: { userId: true, delegationId: true }, orderBy: { userId: "asc" } });
  const byDelegation = new Map<string, string[]>();
  for (const m of members) if (m.delegationId) byDelegation.set(m.delegationId, [...(byDelegation.get(m.delegationId) ?? []), m.userId]);
  const delegations = [...byDelegation.keys()].sort();
  if (delegations.length < atLeast) throw new Error(`${who} needs delegates of at least ${COUNT_WORDS[atLeast] ?? atLeast} delegations`);
  const D = delegations.length;
  const delegationAt = (d: number) => delegations[((d % D) + D) % D]!;
  const delegateOf = (d: number, n: number) => {
    const users = byDelegation.get(delegationAt(d))!;
    return users[n % users.length]!;
  };
  return { delegations, delegationAt, delegateOf };
}

/** A proposal with the seeded text as its starting draft and version 1 "Starting draft". */
export async function newProposal(
  db: Db,
  p: { workshopId: string; chairId: string; title: string; position: number; editingMode?: EditingMode; state: Uint8Array; frozen: ReturnType<typeof freezeText> },
): Promise<string> {
  const { id } = await db.proposal.create({ data: { workshopId: p.workshopId, title: p.title, position: p.position, editingMode: p.editingMode }, select: { id: true } });
  await recordStartingDraft(db, { proposalId: id, state: p.state, owner: { userId: p.chairId, delegationId: null } });
  await cutVersion(db, { proposalId: id, workshopId: p.workshopId, frozen: p.frozen, kind: "NAMED", label: "Starting draft", authorId: p.chairId, editors: new Set(), now: new Date() });
  return id;
}
