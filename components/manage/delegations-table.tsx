"use client";
// The workshop's delegations for the chair: rename one or change its colour (its code stays),
// or delete one nobody sits in and that has cast no ballot (the server says why otherwise).
import { useRef, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { DelegationRow } from "./delegation-row";

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
  const caption = useRef<HTMLTableCaptionElement>(null);
  const [announcement, setAnnouncement] = useState("");

  // The deleted row is gone: focus goes to the table it was in, and the change is announced.
  const onDeleted = (name: string) => {
    setAnnouncement(`The delegation ${name} was deleted.`);
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
            Delegations of this workshop
          </caption>
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">Delegation</th>
              <th scope="col" className="py-2 pr-3 font-medium">Name</th>
              <th scope="col" className="py-2 pr-3 font-medium">Colour</th>
              <th scope="col" className="py-2 pr-3 font-medium">Members</th>
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {delegations.map((d) => (
              <DelegationRow key={d.id} delegation={d} onDeleted={() => onDeleted(d.name)} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
