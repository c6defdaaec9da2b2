"use client";
// The workshop's members for the chair: each row changes a member's role and delegation as soon
// as a choice is made, or removes them (with a confirm step). The server decides; a refusal
// (the last chair, a delegation just deleted) puts the row back as it is and says why.
import { useRef, useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { Role } from "@/lib/domain/vocabulary";
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
  const caption = useRef<HTMLTableCaptionElement>(null);
  const [announcement, setAnnouncement] = useState("");

  // The removed row is gone: focus goes to the table it was in, and the change is announced.
  const onRemoved = (name: string) => {
    setAnnouncement(`${name} was removed from the workshop.`);
    caption.current?.focus();
  };

  return (
    <div className="space-y-2">
      <p aria-live="polite" className="text-sm text-emerald-800">
        {announcement}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption ref={caption} tabIndex={-1} className="sr-only">
            Members of this workshop
          </caption>
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">Member</th>
              <th scope="col" className="py-2 pr-3 font-medium">Role</th>
              <th scope="col" className="py-2 pr-3 font-medium">Delegation</th>
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => (
              <MemberRow key={m.userId} member={m} delegations={delegations} onRemoved={() => onRemoved(m.name)} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
