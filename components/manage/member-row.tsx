"use client";
// One member's row. A choice is saved at once when it makes a coherent seat; a delegate needs a
// delegation and an observer sits in none, so a half-made choice ("Delegate", no delegation yet)
// waits, saying what is missing, whichever of the two selects the chair uses first.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useAction } from "@/components/ui/use-action";
import { ROLES, type Role } from "@/lib/domain/vocabulary";
import { ConfirmButton } from "./confirm-button";
import type { ManagedMember } from "./members-table";

const selectClass = "block w-full min-w-32 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

type Seat = { role: Role; delegationId: string };

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** What stops a seat from being saved, in words, or null. */
function missing(seat: Seat, name: string, t: Translate): string | null {
  if (seat.role === "DELEGATE" && !seat.delegationId) return t("chooseDelegation", { name });
  if (seat.role === "OBSERVER" && seat.delegationId) return t("observerInDelegation");
  return null;
}

export function MemberRow({ member, delegations, onRemoved }: { member: ManagedMember; delegations: Array<{ id: string; name: string }>; onRemoved: () => void }) {
  const t = useTranslations("manage.memberRow");
  const roleWords = useTranslations("manage.role");
  const errorText = useErrorText();
  const saved: Seat = { role: member.role, delegationId: member.delegationId ?? "" };
  // A choice not saved yet (incomplete, or on its way); null shows what the server has.
  const [draft, setDraft] = useState<Seat | null>(null);
  const [isSaved, setSaved] = useState(false);
  const seat = draft ?? saved;
  const change = useAction();
  const remove = useAction();
  const hint = draft ? missing(draft, member.name, t) : null;
  const changeError = change.result && !change.result.ok ? errorText(change.result) : null;
  const removeError = remove.result && !remove.result.ok ? errorText(remove.result) : null;

  const choose = (next: Seat) => {
    // Making someone an observer takes them out of their delegation in the same step.
    const coherent = next.role === "OBSERVER" && next.role !== seat.role ? { ...next, delegationId: "" } : next;
    setSaved(false);
    change.reset();
    if (coherent.role === saved.role && coherent.delegationId === saved.delegationId) return setDraft(null);
    setDraft(coherent);
    if (missing(coherent, member.name, t)) return;
    change.run(
      async () => {
        const result = await member.changeSeat(coherent.role, coherent.delegationId || null);
        // Saved, or refused: either way the row shows what the server now has.
        setDraft(null);
        return result;
      },
      () => setSaved(true),
    );
  };

  return (
    <tr>
      <th scope="row" className="py-3 pr-3 align-top font-normal">
        <span className="block font-medium text-slate-900">
          {member.name}
          {member.isYou && <span className="font-normal text-slate-500">{t("you")}</span>}
        </span>
        <span className="block text-xs text-slate-500">{member.email}</span>
      </th>
      <td className="py-3 pr-3 align-top">
        <select aria-label={t("role")} value={seat.role} aria-busy={change.isPending} onChange={(e) => choose({ ...seat, role: e.target.value as Role })} className={selectClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleWords(r)}
            </option>
          ))}
        </select>
      </td>
      <td className="py-3 pr-3 align-top">
        <select aria-label={t("delegation")} value={seat.delegationId} aria-busy={change.isPending} onChange={(e) => choose({ ...seat, delegationId: e.target.value })} className={selectClass}>
          <option value="">{t("noDelegation")}</option>
          {delegations.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </td>
      <td className="py-3 align-top">
        <div className="flex flex-wrap items-start justify-end gap-2">
          {/* Another part of the page's work places the "Create reset link" button here. */}
          {member.extra}
          <ConfirmButton label={t("remove")} question={t("removeQuestion", { name: member.name })} isPending={remove.isPending} onConfirm={() => remove.run(member.remove, onRemoved)} />
        </div>
        <div aria-live="polite" className="mt-1 text-right text-sm">
          {hint && <p className="text-amber-800">{hint}</p>}
          {changeError && (
            <p role="alert" className="text-red-700">
              {changeError}
            </p>
          )}
          {removeError && (
            <p role="alert" className="text-red-700">
              {removeError}
            </p>
          )}
          {isSaved && <p className="text-emerald-800">{t("saved")}</p>}
        </div>
      </td>
    </tr>
  );
}
