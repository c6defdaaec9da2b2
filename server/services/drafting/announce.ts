// After a drafting change commits: the stored progress is counted again, everyone in the room
// is told what changed, the rooms learn which paragraphs are protected (when a status changed),
// and the workshop board refreshes its progress line.
import type { BracketView, ClauseView, ReadingView } from "../../../lib/protocol.ts";
import type { DraftingDeps } from "./load-drafting.ts";
import { protectedKeys, recountProgress, statusesOf } from "./progress.ts";

export type DraftingChange = { clauses?: ClauseView[]; brackets?: BracketView[]; reading?: ReadingView | null };

/**
 * `recount`: the change may change the progress line (a status, or a bracket opened or closed);
 * `statusChanged`: a paragraph's status changed (which paragraphs are protected may have);
 * `keys`: the live text's paragraphs, when the use case has just read them. The statuses are
 * read once for both.
 */
export async function announce(
  deps: Pick<DraftingDeps, "db" | "rooms" | "live" | "proposalId">,
  workshopId: string,
  change: DraftingChange,
  opts: { recount?: boolean; statusChanged?: boolean; keys?: readonly string[] } = {},
): Promise<void> {
  const { db, rooms, live, proposalId } = deps;
  const counts = opts.recount === true;
  const statuses = counts || opts.statusChanged ? await statusesOf(db, proposalId) : null;
  if (counts) {
    // The change is committed whatever happens here: a count that fails is only a stale board
    // line until the next change, not a reason to tell the caller their change failed.
    await recountProgress(db, rooms, proposalId, { keys: opts.keys, statuses: statuses! }).catch((e) =>
      console.error(`progress of ${proposalId} not counted:`, (e as Error)?.message ?? e),
    );
  }
  live.draftingChanged(proposalId, change);
  if (opts.statusChanged) live.agreedParagraphs(proposalId, protectedKeys(statuses!));
  if (counts) live.workshopChanged(workshopId);
}
