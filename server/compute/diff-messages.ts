// What the pool and the diff worker say to each other: one request shape, one answer union.
import type { AuthorRun, TextDiff } from "../../lib/domain/text-diff.ts";

export type DiffJob = { before: string; after: string; afterRuns: AuthorRun[] };

/** `stats` is null only when the worker never answered and nobody counted the words. */
export type DiffOutcome = TextDiff & { stats: { inserted: number; deleted: number } | null };

export type DiffRequest = DiffJob & { id: number };

export type DiffResponse = { id: number; ok: true; outcome: DiffOutcome } | { id: number; ok: false; message: string };
