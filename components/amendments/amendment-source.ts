// One list of amendments for the text and the region: the server's (the provider's annotations)
// with this tab's drafts laid over them. A new array only when either side changed, so the
// editor and React redraw only then (a comment thread's change leaves it alone).
import type { Participant } from "@/lib/protocol";
import { overlayDrafts, type AmendmentDrafts, type ShownAmendment } from "@/lib/realtime/amendment-drafts";
import type { Annotations } from "@/lib/realtime/annotations";

export type AmendmentSource = {
  get: () => readonly ShownAmendment[];
  subscribe: (fn: () => void) => () => void;
};

export function amendmentSource(annotations: Annotations, drafts: AmendmentDrafts, self: () => Participant | null): AmendmentSource {
  let memo: { server: unknown; drafts: unknown; self: unknown; shown: readonly ShownAmendment[] } | null = null;
  const get = () => {
    const server = annotations.snapshot().amendments;
    const d = drafts.snapshot();
    const me = self();
    if (!memo || memo.server !== server || memo.drafts !== d || memo.self !== me) memo = { server, drafts: d, self: me, shown: overlayDrafts(server, d, me) };
    return memo.shown;
  };
  const subscribe = (fn: () => void) => {
    const offA = annotations.subscribe(fn);
    const offD = drafts.subscribe(fn);
    return () => {
      offA();
      offD();
    };
  };
  return { get, subscribe };
}
