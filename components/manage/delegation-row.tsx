"use client";
// One delegation's row: its name and colour are edited in place and saved with "Save" (or
// Enter in the name); deleting asks first.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { buttonSecondary } from "@/components/ui/field";
import { DelegationChip } from "@/components/ui/badges";
import { useAction } from "@/components/ui/use-action";
import { ConfirmButton } from "./confirm-button";
import type { ManagedDelegation } from "./delegations-table";

export function DelegationRow({ delegation: d, onDeleted }: { delegation: ManagedDelegation; onDeleted: () => void }) {
  const t = useTranslations("manage.delegationRow");
  const errorText = useErrorText();
  // What the chair typed; null shows what the server has (so a save elsewhere shows here too).
  const [name, setName] = useState<string | null>(null);
  const [colour, setColour] = useState<string | null>(null);
  const [isSaved, setSaved] = useState(false);
  const edit = useAction();
  const remove = useAction();
  const shownName = name ?? d.name;
  const shownColour = colour ?? d.colour;
  // A refusal, in the reader's language.
  const failed = [edit.result, remove.result].find((r) => r && !r.ok);
  const error = failed && !failed.ok ? errorText(failed) : null;
  const isChanged = shownName !== d.name || shownColour.toLowerCase() !== d.colour.toLowerCase();

  const save = () => {
    if (!isChanged || edit.isPending) return;
    setSaved(false);
    edit.run(
      () => d.edit(shownName, shownColour),
      () => {
        setName(null);
        setColour(null);
        setSaved(true);
      },
    );
  };

  return (
    <tr>
      <th scope="row" className="py-3 pr-3 align-top font-normal">
        <DelegationChip name={d.name} code={d.code} colour={d.colour} />
      </th>
      <td className="py-3 pr-3 align-top">
        <form
          id={`delegation-${d.id}`}
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <input
            aria-label={t("name")}
            value={shownName}
            onChange={(e) => {
              setSaved(false);
              setName(e.target.value);
            }}
            required
            maxLength={80}
            className="block w-full min-w-40 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          />
        </form>
      </td>
      <td className="py-3 pr-3 align-top">
        <input
          aria-label={t("colour")}
          type="color"
          form={`delegation-${d.id}`}
          value={shownColour}
          onChange={(e) => {
            setSaved(false);
            setColour(e.target.value);
          }}
          className="h-9 w-14 rounded border border-slate-300 bg-white"
        />
      </td>
      <td className="py-3 pr-3 align-top text-slate-700">{d.members}</td>
      <td className="py-3 align-top">
        <div className="flex flex-wrap items-start justify-end gap-2">
          {/* aria-disabled, not disabled: the button keeps focus once saved (nothing left to save). */}
          <button type="submit" form={`delegation-${d.id}`} className={`${buttonSecondary} aria-disabled:opacity-50`} aria-disabled={!isChanged || edit.isPending}>
            {t("save")}
          </button>
          <ConfirmButton label={t("delete")} question={t("deleteQuestion", { name: d.name })} isPending={remove.isPending} onConfirm={() => remove.run(d.remove, onDeleted)} />
        </div>
        <div aria-live="polite" className="mt-1 text-right text-sm">
          {error && (
            <p role="alert" className="text-red-700">
              {error}
            </p>
          )}
          {isSaved && <p className="text-emerald-800">{t("saved")}</p>}
        </div>
      </td>
    </tr>
  );
}
