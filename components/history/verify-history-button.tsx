"use client";
// Recomputes the proposal's hash chain on the server and says, in words, whether any version
// was altered after the fact.
import { useState } from "react";
import { buttonSecondary } from "@/components/ui/field";

type Report = { isIntact: true; checked: number } | { isIntact: false; checked: number; brokenAt: number; reason: string };
type Outcome = { kind: "idle" } | { kind: "checking" } | { kind: "done"; report: Report } | { kind: "error"; message: string };

export function VerifyHistoryButton({ proposalId }: { proposalId: string }) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });

  async function verify() {
    setOutcome({ kind: "checking" });
    try {
      const res = await fetch(`/api/proposals/${encodeURIComponent(proposalId)}/verify`, { cache: "no-store" });
      const body = (await res.json()) as Report | { error: { message: string } };
      if (!res.ok || "error" in body) setOutcome({ kind: "error", message: "error" in body ? body.error.message : `The check failed (${res.status}).` });
      else setOutcome({ kind: "done", report: body });
    } catch {
      setOutcome({ kind: "error", message: "The server could not be reached. Try again." });
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" className={buttonSecondary} onClick={() => void verify()} disabled={outcome.kind === "checking"}>
        Verify history
      </button>
      {/* Always in the page, so the result is announced when it arrives. */}
      <p role="status" className="text-sm">
        {outcome.kind === "checking" && <span className="text-slate-600">Checking every version…</span>}
        {outcome.kind === "error" && <span className="text-red-800">{outcome.message}</span>}
        {outcome.kind === "done" && <ReportText report={outcome.report} />}
      </p>
    </div>
  );
}

function ReportText({ report }: { report: Report }) {
  if (report.isIntact) {
    return (
      <span className="font-medium text-emerald-800">
        <span aria-hidden>✓ </span>History verified: {report.checked} {report.checked === 1 ? "version" : "versions"}, chain intact.
      </span>
    );
  }
  return (
    <span className="font-medium text-red-800">
      <span aria-hidden>✗ </span>History broken at version {report.brokenAt} ({report.reason}).
    </span>
  );
}
