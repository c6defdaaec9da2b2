"use client";
// One amendment in the Amendments region: who proposed it and when, what it does (a button that
// shows it in the text), the reason (its author may write it), each delegation's stance, and
// what this viewer may do with it — by the rules of lib/domain/amendments.ts, so a button never
// offers what the server would refuse. Observers read only. After an action that takes its
// button away (withdraw, accept, reject), focus goes to the card's summary, not to the page.
import { memo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { DelegationChip } from "@/components/ui/badges";
import { LocalTime } from "@/components/ui/local-time";
import { mayDecide, mayRevise, mayTakeStance, mayWithdraw, type Actor } from "@/lib/domain/amendments";
import type { ProposalState, Stance } from "@/lib/domain/vocabulary";
import type { DelegationTag } from "@/lib/protocol";
import { DRAFT_ID_PREFIX, type ShownAmendment } from "@/lib/realtime/amendment-drafts";
import { CHAIR_COLOUR, amendmentColour, describeAmendment } from "./amendment-words";
import { InlineError } from "@/components/ui/alert";
import { ReasonForm } from "@/components/ui/reason-form";

/** What a card asks the region to do; resolves with the server's refusal message, or null. */
export type CardAction =
  | { kind: "stance"; stance: Stance | null }
  | { kind: "withdraw" }
  | { kind: "accept" }
  | { kind: "reject" }
  | { kind: "reason"; reason: string };

type Props = {
  amendment: ShownAmendment;
  viewer: Actor | null;
  state: ProposalState | null;
  delegations: ReadonlyMap<string, DelegationTag>;
  selected: boolean;
  zone: string;
  onSelect: (id: string) => void;
  act: (amendment: ShownAmendment, action: CardAction) => Promise<string | null>;
};

const STATUS_STYLE: Record<ShownAmendment["status"], string> = {
  OPEN: "bg-sky-50 text-sky-900 ring-sky-200",
  ACCEPTED: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  REJECTED: "bg-rose-50 text-rose-900 ring-rose-200",
  WITHDRAWN: "bg-slate-100 text-slate-700 ring-slate-200",
  SUPERSEDED: "bg-amber-50 text-amber-900 ring-amber-200",
};

const action = "inline-flex min-h-9 items-center justify-center rounded-md border px-3 py-1 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-60";

/** A stable DOM id for a card (the same before and after the server has stored it). */
/** The two stances a delegation can take, each with its pressed colours (green for, rose against). */
const STANCE_BUTTONS = [
  { stance: "SUPPORT", label: "card.support", pressed: "aria-pressed:border-emerald-700 aria-pressed:bg-emerald-50 aria-pressed:text-emerald-900" },
  { stance: "OBJECT", label: "card.object", pressed: "aria-pressed:border-rose-700 aria-pressed:bg-rose-50 aria-pressed:text-rose-900" },
] as const;

export function cardDomId(a: Pick<ShownAmendment, "author" | "key">): string {
  return `amendment-card-${a.author.id}-${a.key}`.replace(/[^A-Za-z0-9_-]/g, "_");
}

export const AmendmentCard = memo(function AmendmentCard({ amendment: a, viewer, state, delegations, selected, zone, onSelect, act }: Props) {
  const t = useTranslations("amendments");
  const colour = amendmentColour(a.delegation);
  const isStored = !a.id.startsWith(DRAFT_ID_PREFIX);
  const facts = { authorId: a.author.id, delegationId: a.delegation?.id ?? null, status: a.status };
  const can = (v: { ok: boolean } | null) => Boolean(v?.ok);
  const mayStance = viewer && state ? can(mayTakeStance(viewer, facts, state)) : false;
  const mayWithdrawIt = isStored && viewer && state ? can(mayWithdraw(viewer, facts, state)) : false;
  const mayAccept = isStored && viewer && state ? can(mayDecide(viewer, facts, "ACCEPT", state)) : false;
  const mayReject = isStored && viewer && state ? can(mayDecide(viewer, facts, "REJECT", state)) : false;
  const mayWriteReason = viewer && state ? can(mayRevise(viewer, facts, state)) : false;
  const myStance = viewer?.delegationId ? (a.stances.find((s) => s.delegationId === viewer.delegationId)?.stance ?? null) : null;

  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const summary = useRef<HTMLButtonElement>(null);

  async function run(what: CardAction, focusSummaryAfter = false): Promise<string | null> {
    setBusy(true);
    setError(null);
    const refused = await act(a, what);
    setBusy(false);
    if (refused) setError(refused);
    else if (focusSummaryAfter) summary.current?.focus();
    return refused;
  }

  const decidedAt = a.decidedAt && a.status !== "OPEN" ? a.decidedAt : null;

  return (
    <li
      id={cardDomId(a)}
      className={`space-y-2 rounded-lg border bg-white px-3 py-3 shadow-sm ${selected ? "border-slate-400 ring-2 ring-offset-1" : "border-slate-200"} ${a.status === "OPEN" ? "" : "bg-slate-50"}`}
      style={{ borderLeftColor: colour, borderLeftWidth: 4, ...(selected ? { ["--tw-ring-color" as string]: colour } : {}) }}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
        {a.delegation ? <DelegationChip name={a.delegation.name} code={a.delegation.code} colour={colour} /> : <DelegationChip name={t("card.chair")} colour={CHAIR_COLOUR} />}
        <span className="font-medium text-slate-800">{a.author.name}</span>
        <LocalTime at={a.createdAt} zone={zone} format="time" className="tabular-nums" />
        <span className={`ml-auto inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATUS_STYLE[a.status]}`}>
          {t(`status.${a.status}`)}
          {decidedAt && (
            <>
              <span aria-hidden>{"\u00a0·\u00a0"}</span>
              <LocalTime at={decidedAt} zone={zone} format="time" />
            </>
          )}
        </span>
      </div>

      <button
        ref={summary}
        type="button"
        aria-current={selected || undefined}
        onClick={() => onSelect(a.id)}
        title={a.status === "OPEN" ? t("card.showInText") : undefined}
        className="block w-full rounded-md px-1 py-0.5 text-left font-serif text-base leading-snug text-slate-900 hover:bg-slate-100"
      >
        {describeAmendment(t, a.passage, a.insert)}
      </button>

      {a.pending && (
        <p className="text-xs font-medium text-slate-600">{a.pending === "waiting" ? t("card.waiting") : t("card.sending")}</p>
      )}

      {mayWriteReason && a.status === "OPEN" ? (
        <ReasonForm key={a.key} saved={a.reason ?? ""} onSave={(reason) => run({ kind: "reason", reason })} showsRefusal={false} />
      ) : (
        a.reason && (
          <p className="text-sm text-slate-700">
            <span className="font-medium text-slate-600">{t("card.reason")}</span>
            {a.reason}
          </p>
        )
      )}

      {a.stances.length > 0 && (
        <p className="flex flex-wrap gap-1.5 text-xs">
          <span className="sr-only">{t("card.stances")}</span>
          {a.stances.map((s) => {
            const d = delegations.get(s.delegationId);
            const c = amendmentColour(d);
            return (
              <span
                key={s.delegationId}
                title={t(s.stance === "SUPPORT" ? "card.supportsTitle" : "card.objectsTitle", { delegation: d?.name ?? t("card.someDelegation") })}
                className="inline-flex items-center gap-1 rounded-full border bg-white px-2 py-0.5 font-semibold"
                style={{ borderColor: c, color: c }}
              >
                <span aria-hidden>{s.stance === "SUPPORT" ? "✓" : "✕"}</span>
                {s.stance === "SUPPORT" ? t("card.supports") : t("card.objects")} · {d?.code ?? "?"}
              </span>
            );
          })}
        </p>
      )}

      {(mayStance || mayWithdrawIt || mayAccept || mayReject) && (
        <div className="flex flex-wrap items-center gap-2">
          {mayStance &&
            isStored &&
            STANCE_BUTTONS.map(({ stance, label, pressed }) => (
              <button
                key={stance}
                type="button"
                aria-pressed={myStance === stance}
                disabled={busy}
                // Pressed again: the delegation takes its stance back.
                onClick={() => void run({ kind: "stance", stance: myStance === stance ? null : stance })}
                className={`${action} border-slate-300 text-slate-700 hover:bg-slate-100 ${pressed}`}
              >
                {t(label)}
              </button>
            ))}
          {mayWithdrawIt && (
            <button type="button" disabled={busy} onClick={() => void run({ kind: "withdraw" }, true)} className={`${action} border-slate-300 text-slate-700 hover:bg-slate-100`}>
              {t("card.withdraw")}
            </button>
          )}
          {(mayAccept || mayReject) && (
            <span className="ml-auto flex gap-2">
              {mayAccept && (
                <button type="button" disabled={busy} onClick={() => void run({ kind: "accept" }, true)} className={`${action} border-emerald-700 bg-emerald-700 text-white hover:bg-emerald-800`}>
                  {t("card.accept")}
                </button>
              )}
              {mayReject && (
                <button type="button" disabled={busy} onClick={() => void run({ kind: "reject" }, true)} className={`${action} border-rose-700 text-rose-800 hover:bg-rose-50`}>
                  {t("card.reject")}
                </button>
              )}
            </span>
          )}
        </div>
      )}

      <InlineError error={error} />
    </li>
  );
});
