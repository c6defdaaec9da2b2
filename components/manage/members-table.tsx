"use client";
// The workshop's members for the chair: each row changes a member's role and delegation as soon
// as a choice is made, or removes them (with a confirm step). The server decides; a refusal
// (the last chair, a delegation just deleted) puts the row back as it is and says why.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { Role } from "@/lib/domain/vocabulary";
import { ManagedTable } from "./managed-table";
import { MemberRow } from "./member-row";

export type ManagedMember = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  delegationId: string | null;
  isYou: boolean;
  changeSeat: (role: Role, delegationId: string | null) => Promise<ActionResult<unknown>>;
  remove: () => Promise<ActionResult<unknown>>;
  /** More for the row's actions cell, from the page (the reset-link button). */
  extra?: ReactNode;
};

export function MembersTable({ members, delegations }: { members: ManagedMember[]; delegations: Array<{ id: string; name: string }> }) {
  const t = useTranslations("manage.membersTable");
  return (
    <ManagedTable caption={t("caption")} columns={[t("member"), t("role"), t("delegation")]}>
      {(announceRemoval) =>
        members.map((m) => (
          <MemberRow key={m.userId} member={m} delegations={delegations} onRemoved={() => announceRemoval(t("removed", { name: m.name }))} />
        ))
      }
    </ManagedTable>
  );
}
