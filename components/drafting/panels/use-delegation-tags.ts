"use client";
// Every delegation of the workshop (name, code, colour), for the holders, supporters and the
// "Awaiting confirmation from" checkboxes: the list the Amendments panel reads, completed by the
// delegations the brackets themselves name.
import { useMemo } from "react";
import { useDelegations } from "@/components/amendments/use-delegations";
import type { BracketView, DelegationTag } from "@/lib/protocol";

const NO_AMENDMENTS: never[] = [];

export type DelegationBook = {
  byId: ReadonlyMap<string, DelegationTag>;
  names: ReadonlyMap<string, string>;
  /** By name, for the checkbox list. */
  all: readonly DelegationTag[];
};

export function useDelegationTags(proposalId: string, brackets: readonly BracketView[], self: DelegationTag | null): DelegationBook {
  const fetched = useDelegations(proposalId, NO_AMENDMENTS);
  return useMemo(() => {
    const byId = new Map(fetched);
    const add = (d: DelegationTag | null) => {
      if (d && !byId.has(d.id)) byId.set(d.id, d);
    };
    add(self);
    for (const b of brackets) {
      add(b.delegation);
      for (const o of b.options) add(o.delegation);
    }
    const all = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
    return { byId, names: new Map(all.map((d) => [d.id, d.name])), all };
  }, [fetched, brackets, self]);
}
