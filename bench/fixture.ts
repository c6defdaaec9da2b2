// The benchmark's workshop: one proposal per room, enough delegates to give every client in a
// room its own user (as in a real session, where each tab is a different person), and an
// observer whose fresh connection reads the server's copy after the run.
import type { Db } from "../lib/db.ts";
import { asBytes } from "../lib/bytes.ts";
import { stateFromPmJson } from "../lib/document/convert.ts";
import { recordStartingDraft } from "../server/document-store/starting-draft.ts";
import { MAX_SOCKETS_PER_USER } from "../server/realtime/socket-guard.ts";

export type BenchFixture = {
  workshopId: string;
  proposalIds: string[];
  /** Delegates; client i of a room signs in as delegateFor(fixture, room, i) (delegates[i] up to 20 rooms). */
  delegates: string[];
  clientsPerRoom: number;
  observer: string;
};

const DELEGATIONS = [
  { name: "China", code: "CHN", colour: "#c2410c" },
  { name: "Japan", code: "JPN", colour: "#be185d" },
  { name: "Republic of Korea", code: "KOR", colour: "#1d4ed8" },
  { name: "ASEAN", code: "ASEAN", colour: "#15803d" },
];

const OPENING = "The parties will establish a regional public-health exchange and cooperation mechanism.";

/** The one-paragraph draft every room starts with (Accord's rooms and the baseline's alike). */
export function draftState(): Uint8Array<ArrayBuffer> {
  return asBytes(stateFromPmJson({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: OPENING }] }] }));
}

export async function createBenchFixture(db: Db, opts: { rooms: number; clientsPerRoom: number }): Promise<BenchFixture> {
  const w = await db.workshop.create({ data: { title: "Load benchmark workshop" } });
  const delegations: string[] = [];
  for (const d of DELEGATIONS) delegations.push((await db.delegation.create({ data: { workshopId: w.id, ...d } })).id);

  async function member(name: string, role: "DELEGATE" | "OBSERVER", delegationId: string | null): Promise<string> {
    const u = await db.user.create({ data: { email: `${name}-${w.id}@bench.example`, name, passwordHash: "unused" } });
    await db.member.create({ data: { workshopId: w.id, userId: u.id, role, delegationId } });
    return u.id;
  }
  const delegates: string[] = [];
  const count = opts.clientsPerRoom * userGroups(opts.rooms);
  for (let i = 0; i < count; i++) delegates.push(await member(`delegate-${i}`, "DELEGATE", delegations[i % delegations.length] ?? null));
  const observer = await member("observer", "OBSERVER", null);

  // Every room starts from the same one-paragraph draft, as the integration fixtures do.
  const state = draftState();
  const proposalIds: string[] = [];
  for (let r = 0; r < opts.rooms; r++) {
    const p = await db.proposal.create({ data: { workshopId: w.id, title: `Benchmark item ${r + 1}`, position: r } });
    await recordStartingDraft(db, { proposalId: p.id, state, owner: null });
    proposalIds.push(p.id);
  }
  return { workshopId: w.id, proposalIds, delegates, clientsPerRoom: opts.clientsPerRoom, observer };
}

/**
 * The server refuses an account's socket beyond MAX_SOCKETS_PER_USER on a node, and a user holds
 * one socket per room: every block of that many rooms gets its own set of delegates (P4's 200
 * rooms: 10 sets). Up to 20 rooms (every preset but P4) this is one set, as it always was.
 */
function userGroups(rooms: number): number {
  return Math.max(1, Math.ceil(rooms / MAX_SOCKETS_PER_USER));
}

export function delegateFor(f: BenchFixture, room: number, slot: number): string {
  const id = f.delegates[Math.floor(room / MAX_SOCKETS_PER_USER) * f.clientsPerRoom + slot];
  if (!id) throw new Error(`the fixture has no delegate for room ${room}, client ${slot}`);
  return id;
}
