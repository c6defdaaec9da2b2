"use client";
// The open-vote form's quorum: a number the chair names, or "the delegations present when the
// vote opens" — resolved by the server at open time (lib/domain/quorum.ts), so the "(N now)" shown
// here is a hint, not what is stored. Submits `quorumMode` ("NUMBER" | "PRESENT") and `quorum`.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { QuorumMode } from "@/lib/domain/quorum";

export type QuorumFieldProps = {
  /** Delegations in the workshop: the largest quorum. */
  delegationCount: number;
  /** Delegations present now (usePresentDelegations); null while unknown. */
  presentCount: number | null;
  defaultQuorum: number;
  defaultMode?: QuorumMode;
};

export function QuorumField({ delegationCount, presentCount, defaultQuorum, defaultMode = "NUMBER" }: QuorumFieldProps) {
  const t = useTranslations("votes.quorum");
  const id = useId();
  const [mode, setMode] = useState<QuorumMode>(defaultMode);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{t("legend")}</legend>
      <div className="flex flex-wrap items-center gap-2">
        <input type="radio" id={`${id}-number`} name="quorumMode" value="NUMBER" checked={mode === "NUMBER"} onChange={() => setMode("NUMBER")} />
        <label htmlFor={`${id}-number`} className="text-sm">
          {t("number")}
        </label>
        <input
          type="number"
          id={`${id}-count`}
          name="quorum"
          aria-label={t("numberLabel")}
          min={0}
          max={delegationCount}
          defaultValue={Math.min(defaultQuorum, delegationCount)}
          inputMode="numeric"
          required={mode === "NUMBER"}
          disabled={mode !== "NUMBER"}
          className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm disabled:bg-slate-100"
        />
      </div>
      <div className="flex items-center gap-2">
        <input type="radio" id={`${id}-present`} name="quorumMode" value="PRESENT" checked={mode === "PRESENT"} onChange={() => setMode("PRESENT")} />
        <label htmlFor={`${id}-present`} className="text-sm">
          {t("present", { known: presentCount === null ? "no" : "yes", count: presentCount ?? 0 })}
        </label>
      </div>
      <p className="text-xs text-slate-600">{t("outOf", { count: delegationCount })}</p>
    </fieldset>
  );
}
