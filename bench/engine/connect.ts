// Connecting a load's clients through any transport: rooms × clients replicas, a few at a time,
// each synced before the run starts and watched for remote edits from then on.
import type { Preset } from "../presets.ts";
import type { Tracker } from "../tracker.ts";
import type { Replica, Transport } from "../transport.ts";
import { watchRemoteEdits } from "../typing.ts";

/** Opening many handshakes at once only measures the JWT decryption queue; a few at a time. */
const CONNECT_CONCURRENCY = 16;
const SYNC_TIMEOUT_MS = 30_000;

export async function withTimeout<T>(p: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what()} within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** In connection order; on failure every replica opened so far is closed. */
export async function connectAll(t: Transport, load: Preset, tracker: Tracker): Promise<Replica[]> {
  const plan: Array<{ room: number; slot: number }> = [];
  for (let room = 0; room < load.rooms; room++) for (let slot = 0; slot < load.clients; slot++) plan.push({ room, slot });
  const replicas: Replica[] = [];
  const opened: Replica[] = [];
  let next = 0;
  async function worker(): Promise<void> {
    while (next < plan.length) {
      const { room, slot } = plan[next++]!;
      const r = await t.connect(room, slot);
      opened.push(r);
      await withTimeout(r.whenSynced, SYNC_TIMEOUT_MS, () => `room ${room}, client ${slot} did not sync (${r.status()})`);
      watchRemoteEdits(r, tracker);
      replicas.push(r);
    }
  }
  try {
    await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, worker));
  } catch (e) {
    for (const r of opened) r.close();
    throw e;
  }
  return replicas;
}
