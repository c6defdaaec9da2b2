// What Compare hands the diff worker, and what it gets back.
import type { AuthorRun, TextDiff } from "../../lib/domain/text-diff.ts";

export type DiffJob = { before: string; after: string; afterRuns: AuthorRun[] };

/** `stats` is null only when the worker never answered and nobody counted the words. */
export type DiffOutcome = TextDiff & { stats: { inserted: number; deleted: number } | null };
