// How a version is stored: whole, or as deltas against the next version (lib/domain/version-chain-delta.ts).
// The newest version of a proposal is always whole (it is the one cut from, compared and exported
// most), and so is every KEYFRAME_EVERY-th from version 1: opening any version costs one whole row
// plus at most KEYFRAME_EVERY − 1 small deltas, however long the history.

/**
 * Whole versions are 1, 33, 65…: 32 keeps a five-page text's history near 2.5 KB a version (a 60 KB
 * whole row every 32, a ~100-byte delta between) while opening one applies at most 31 deltas of
 * about 100 bytes each to a ~100 KB state — a millisecond or two. Version 1 whole: "compare the
 * first and the newest" reads two whole rows.
 */
export const KEYFRAME_EVERY = 32;

/**
 * A delta is kept only when it saves at least this much over the whole row: for a short text the
 * whole row costs little and stays readable by itself.
 */
export const MIN_DELTA_SAVING_BYTES = 1024;

/**
 * Up to this many bytes of text and state together (both versions), deltas are worked out inline:
 * a millisecond or two for a five-page text (~250 KB with its states). Longer ones go to a worker
 * thread (server/compute/delta-pool.ts): the event loop never spends more than that on them.
 */
export const INLINE_DELTA_INPUT_BYTES = 1024 * 1024;

/** Beyond this (a text of several megabytes), a version stays whole: the worker's memory stays bounded. */
export const MAX_DELTA_INPUT_BYTES = 64 * 1024 * 1024;

export function isKeyframe(number: number): boolean {
  return (number - 1) % KEYFRAME_EVERY === 0;
}

/** Whether a version may be turned into deltas against its successor (before working them out). */
export function mayStoreAsDelta(v: { number: number; newestNumber: number; inputBytes: number }): boolean {
  return v.number < v.newestNumber && !isKeyframe(v.number) && v.inputBytes <= MAX_DELTA_INPUT_BYTES;
}

/** Whether the deltas worked out are worth keeping instead of the whole row. */
export function deltaPaysOff(sizes: { wholeBytes: number; deltaBytes: number }): boolean {
  return sizes.wholeBytes - sizes.deltaBytes >= MIN_DELTA_SAVING_BYTES;
}
