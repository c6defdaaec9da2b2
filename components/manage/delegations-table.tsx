"use client";
// The workshop's delegations for the chair: rename one or change its colour (its code stays),
// or delete one nobody sits in and that has cast no ballot (the server says why otherwise).
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action-result";
import { DelegationRow } from "./delegation-row";
import { ManagedTable } from "./managed-table";

export type ManagedDelegation = {
  id: string;
  name: string;
  code: string;
  colour: string;
  members: number;
  edit: (name: string, colour: string) => Promise<ActionResult<unknown>>;
  remove: () => Promise<ActionResult<unknown>>;
};

export function DelegationsTable({ delegations }: { delegations: ManagedDelegation[] }) {
  const t = useTranslations("manage.delegationsTable");
  return (
    <ManagedTable caption={t("caption")} columns={[t("delegation"), t("name"), t("colour"), t("members")]}>
      {(announceRemoval) =>
        delegations.map((d) => <DelegationRow key={d.id} delegation={d} onDeleted={() => announceRemoval(t("deleted", { name: d.name }))} />)
      }
    </ManagedTable>
  );
}
