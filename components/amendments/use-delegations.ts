"use client";
// The workshop's delegations (name, code, colour) for stance chips, the delegation filter and
// "Accept all from …": read once from the proposal's authors endpoint (the one "Show
// authorship" uses), completed by every delegation the amendments themselves name.
import { useEffect, useMemo, useState } from "react";
import type { DelegationTag } from "@/lib/protocol";
import type { ShownAmendment } from "@/lib/realtime/amendment-drafts";

export function useDelegations(proposalId: string, amendments: readonly ShownAmendment[]): ReadonlyMap<string, DelegationTag> {
  const [fetched, setFetched] = useState<DelegationTag[]>([]);
  useEffect(() => {
    let isCurrent = true;
    fetch(`/api/proposals/${proposalId}/authors`)
      .then((r) => (r.ok ? (r.json() as Promise<{ delegations?: DelegationTag[] }>) : null))
      .then((body) => {
        if (isCurrent && body?.delegations) setFetched(body.delegations);
      })
      // Without it, the amendments' own delegations still name and colour everything they propose.
      .catch(() => {});
    return () => {
      isCurrent = false;
    };
  }, [proposalId]);
  // Recomputed only when a delegation appears that was not known (not on every keystroke).
  const named = useMemo(() => {
    const byId = new Map<string, DelegationTag>();
    for (const a of amendments) if (a.delegation) byId.set(a.delegation.id, a.delegation);
    return byId;
  }, [amendments]);
  const namedKey = [...named.keys()].sort().join(",");
  return useMemo(() => {
    const map = new Map<string, DelegationTag>();
    for (const d of fetched) map.set(d.id, d);
    for (const [id, d] of named) if (!map.has(id)) map.set(id, d);
    return map;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `named` matters only through its ids
  }, [fetched, namedKey]);
}
