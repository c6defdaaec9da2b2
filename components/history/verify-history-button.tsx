"use client";
// Recomputes the proposal's hash chain on the server and says, in words, whether any version
// was altered after the fact.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonSecondary } from "@/components/ui/field";
import { useErrorText, type ServerError } from "@/components/i18n/use-error-text";

type BrokenReason = "hash-mismatch" | "broken-link" | "missing-version";
type Report = { isIntact: true; checked: number } | { isIntact: false; checked: number; brokenAt: number; reason: BrokenReason | string };
type Outcome =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "done"; report: Report }
  /** The server refused, with its code and message. */
  | { kind: "refused"; error: ServerError }
  /** An answer that is not one of ours (a proxy's error page). */
  | { kind: "failed"; status: number }
  | { kind: "unreachable" };

/** How the chain broke → its key under history's verify.reason. */
const REASON_KEYS: Record<BrokenReason, string> = { "hash-mismatch": "hashMismatch", "broken-link": "brokenLink", "missing-version": "missingVersion" };

export function VerifyHistoryButton({ proposalId }: { proposalId: string }) {
  const t = useTranslations("history");
  const errorText = useErrorText();
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });

  async function verify() {
    setOutcome({ kind: "checking" });
    try {
      const res = await fetch(`/api/proposals/${encodeURIComponent(proposalId)}/verify`, { cache: "no-store" });
      const body = (await res.json()) as Report | { error: ServerError };
      if ("error" in body) setOutcome({ kind: "refused", error: body.error });
      else if (!res.ok) setOutcome({ kind: "failed", status: res.status });
      else setOutcome({ kind: "done", report: body });
    } catch {
      setOutcome({ kind: "unreachable" });
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" className={buttonSecondary} onClick={() => void verify()} disabled={outcome.kind === "checking"}>
        {t("verify.button")}
      </button>
      {/* Always in the page, so the result is announced when it arrives. */}
      <p role="status" className="text-sm">
        {outcome.kind === "checking" && <span className="text-slate-600">{t("verify.checking")}</span>}
        {outcome.kind === "refused" && <span className="text-red-800">{errorText(outcome.error)}</span>}
        {outcome.kind === "failed" && <span className="text-red-800">{t("verify.failed", { status: outcome.status })}</span>}
        {outcome.kind === "unreachable" && <span className="text-red-800">{t("verify.unreachable")}</span>}
        {outcome.kind === "done" && <ReportText report={outcome.report} />}
      </p>
    </div>
  );
}

function ReportText({ report }: { report: Report }) {
  const t = useTranslations("history");
  if (report.isIntact) {
    return (
      <span className="font-medium text-emerald-800">
        <span aria-hidden>✓ </span>
        {t("verify.intact", { checked: report.checked })}
      </span>
    );
  }
  const reasonKey = REASON_KEYS[report.reason as BrokenReason];
  return (
    <span className="font-medium text-red-800">
      <span aria-hidden>✗ </span>
      {t("verify.broken", { number: report.brokenAt, reason: reasonKey ? t(`verify.reason.${reasonKey}`) : report.reason })}
    </span>
  );
}
