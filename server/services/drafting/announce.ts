// After a drafting change commits: the stored progress is counted again, everyone in the room
// is told what changed, the rooms learn which paragraphs are protected (when a status changed),
// and the workshop board refreshes its progress line.
import type { BracketView, ClauseView, ReadingView } from "../../../lib/protocol.ts";
import type { DraftingDeps } from "./load-drafting.ts";
import { protectedKeys, recountProgress } from "./progress.ts";

export type DraftingChange = { clauses?: ClauseView[]; brackets?: BracketView[]; reading?: ReadingView | null };

/**
 * `recount`: the change may change the progress line (a status, or a bracket opened or closed);
 * `statusChanged`: a paragraph's status changed (which paragraphs are protected may have).
 */
export async function announce(
  deps: Pick<DraftingDeps, "db" | "rooms" | "live" | "proposalId">,
  workshopId: string,
  change: DraftingChange,
  opts: { recount?: boolean; statusChanged?: boolean } = {},
): Promise<void> {
  const { db, rooms, live, proposalId } = deps;
  const counts = opts.recount === true;
  if (counts) {
    // The change is committed whatever happens here: a count that fails is only a stale board
    // line until the next change, not a reason to tell the caller their change failed.
    await recountProgress(db, rooms, proposalId).catch((e) => console.error(`progress of ${proposalId} not counted:`, (e as Error)?.message ?? e));
  }
  live.draftingChanged(proposalId, change);
  if (opts.statusChanged) live.agreedParagraphs(proposalId, await protectedKeys(db, proposalId));
  if (counts) live.workshopChanged(workshopId);
}
