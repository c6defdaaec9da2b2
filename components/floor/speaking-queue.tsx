"use client";
// The speaking queue, live for everyone: who has the floor (with the countdown), who waits, in
// order. Delegates ask for the floor and may withdraw; the chair gives it with a time limit and
// ends the speech. `compact` is the one-line version beside a proposal's text.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/alert";
import { DelegationChip } from "@/components/ui/badges";
import { buttonPrimary, buttonSecondary } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { WorkshopLive } from "@/lib/protocol";
import { useWorkshopLive } from "@/lib/realtime/use-workshop-live";
import type { ActionResult } from "@/lib/action-result";
import type { Role } from "@/lib/domain/vocabulary";
import {
  DEFAULT_SPEAKING_LIMIT_SECONDS as DEFAULT_LIMIT_SECONDS,
  MAX_SPEAKING_LIMIT_SECONDS as MAX_LIMIT_SECONDS,
  MIN_SPEAKING_LIMIT_SECONDS as MIN_LIMIT_SECONDS,
} from "@/lib/domain/speaking-time";
import { useErrorText } from "@/components/i18n/use-error-text";
import { FloorStatusBar } from "./floor-status-bar";
import { SpeakerTimer } from "./speaker-timer";
import { floorParagraphNote } from "@/components/drafting/panels/drafting-logic";
import { useDraftingWords } from "@/components/drafting/use-drafting-words";

export type FloorActions = {
  request: () => Promise<ActionResult>;
  withdraw: () => Promise<ActionResult>;
  give: (requestId: string, limitSeconds: number) => Promise<ActionResult>;
  end: () => Promise<ActionResult>;
};


type Props = {
  workshopId: string;
  viewer: { userId: string; role: Role };
  initialLive: WorkshopLive;
  actions: FloorActions;
  compact?: boolean;
};

export function SpeakingQueue({ workshopId, viewer, initialLive, actions, compact = false }: Props) {
  const { live, offsetMs } = useWorkshopLive(workshopId, initialLive);
  const board = live ?? initialLive;
  const [limit, setLimit] = useState(String(DEFAULT_LIMIT_SECONDS));
  const t = useTranslations("floor");
  const errorText = useErrorText();
  const draftingWords = useDraftingWords();
  const { run, isPending, result } = useAction();
  const error = result && !result.ok ? errorText(result) : null;

  const delegation = (id: string | null) => board.delegations.find((d) => d.id === id) ?? null;
  const speaker = board.floor.find((f) => f.status === "SPEAKING") ?? null;
  const waiting = board.floor.filter((f) => f.status === "WAITING");
  const mine = board.floor.find((f) => f.userId === viewer.userId) ?? null;
  const isChair = viewer.role === "MODERATOR";
  const limitSeconds = Math.min(MAX_LIMIT_SECONDS, Math.max(MIN_LIMIT_SECONDS, Math.round(Number(limit)) || DEFAULT_LIMIT_SECONDS));

  // "on paragraph 3": asked for during a reading of the proposal on the floor.
  const about = (f: (typeof board.floor)[number]) => {
    const note = floorParagraphNote(f, board.currentProposalId, draftingWords);
    return note ? <span className="text-sm font-medium text-sky-900">{note}</span> : null;
  };
  const chip = (id: string | null) => {
    const d = delegation(id);
    return d ? <DelegationChip name={d.name} code={d.code} colour={d.colour} /> : null;
  };

  const delegateButton =
    viewer.role !== "DELEGATE" ? null : mine?.status === "WAITING" ? (
      <button type="button" className={buttonSecondary} disabled={isPending} onClick={() => run(actions.withdraw)}>
        {t("queue.withdraw")}
      </button>
    ) : mine?.status === "SPEAKING" ? (
      <span className="text-sm font-semibold text-emerald-800">{t("queue.youHaveFloor")}</span>
    ) : (
      <button type="button" className={compact ? buttonSecondary : buttonPrimary} disabled={isPending} onClick={() => run(actions.request)}>
        {t("queue.request")}
      </button>
    );
  const speakerDelegation = speaker ? delegation(speaker.delegationId) : null;
  // The viewer's own situation first, then who speaks (the same rules as lib/domain/floor-status.ts).
  const barMessage = (() => {
    if (speaker?.userId === viewer.userId) return t("bar.youHaveFloor");
    const place = waiting.findIndex((w) => w.userId === viewer.userId) + 1;
    const code = speakerDelegation?.code ?? null;
    const who = speaker ? (code ? t("bar.speaker", { name: speaker.name, code }) : speaker.name) : null;
    if (who !== null && place > 0) return t("bar.queuedSpeaking", { place, total: waiting.length, who });
    if (who !== null) return t("bar.speaking", { who });
    return place > 0 ? t("bar.queued", { place, total: waiting.length }) : null;
  })();
  // On phones, fixed at the bottom of the screen: the floor without scrolling.
  const bar = barMessage && (
    <FloorStatusBar
      message={barMessage}
      timer={speaker?.startedAt && speaker.limitSeconds ? <SpeakerTimer startedAt={speaker.startedAt} limitSeconds={speaker.limitSeconds} offsetMs={offsetMs} size="small" /> : undefined}
    />
  );
  const endButton = isChair && speaker && (
    <button type="button" className={buttonSecondary} disabled={isPending} onClick={() => run(actions.end)}>
      {t("queue.end")}
    </button>
  );

  if (compact) {
    const next = waiting[0];
    return (
      <>
      <section aria-labelledby="floor-heading" className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-2.5 shadow-sm">
        <h2 id="floor-heading" className="text-sm font-semibold text-slate-600">
          {t("queue.heading")}
        </h2>
        {speaker ? (
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-semibold">{speaker.name}</span>
            {chip(speaker.delegationId)}
            {about(speaker)}
            {speaker.startedAt && speaker.limitSeconds && <SpeakerTimer startedAt={speaker.startedAt} limitSeconds={speaker.limitSeconds} offsetMs={offsetMs} size="small" />}
          </span>
        ) : (
          <span className="text-sm text-slate-600">{t("queue.nobody")}</span>
        )}
        <span className="text-sm text-slate-600">{t("queue.waitingCount", { count: waiting.length })}</span>
        {next && floorParagraphNote(next, board.currentProposalId, draftingWords) && (
          <span className="text-sm text-sky-900">
            {t("queue.next", { name: next.name, note: floorParagraphNote(next, board.currentProposalId, draftingWords) ?? "" })}
          </span>
        )}
        <span className="ml-auto flex flex-wrap items-center gap-2">
          {delegateButton}
          {endButton}
          {isChair && next && (
            <button type="button" className={buttonSecondary} disabled={isPending} onClick={() => run(() => actions.give(next.id, DEFAULT_LIMIT_SECONDS))}>
              {t.rich("queue.give", { name: next.name, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
            </button>
          )}
        </span>
        {error && <ErrorAlert>{error}</ErrorAlert>}
      </section>
      {bar}
      </>
    );
  }

  return (
    <>
    <section aria-labelledby="floor-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="floor-heading" className="text-xl font-semibold">
          {t("queue.heading")}
        </h2>
        {delegateButton}
      </div>

      <div className="rounded-md border border-slate-200 bg-slate-50 p-4">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("queue.speakingNow")}</p>
        {speaker ? (
          <div className="mt-2 space-y-3">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-lg font-semibold">{speaker.name}</span>
              {chip(speaker.delegationId)}
              {about(speaker)}
            </div>
            {speaker.startedAt && speaker.limitSeconds && <SpeakerTimer startedAt={speaker.startedAt} limitSeconds={speaker.limitSeconds} offsetMs={offsetMs} />}
            {endButton}
          </div>
        ) : (
          <p className="mt-1 text-slate-600">{t("queue.nobody")}</p>
        )}
      </div>

      {isChair && (
        <div className="max-w-48 space-y-1">
          <label htmlFor="floor-limit" className="block text-sm font-medium text-slate-800">
            {t("queue.limit")}
          </label>
          <input
            id="floor-limit"
            type="number"
            min={MIN_LIMIT_SECONDS}
            max={MAX_LIMIT_SECONDS}
            step={15}
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-sky-600"
          />
        </div>
      )}

      <div>
        <h3 className="text-sm font-semibold text-slate-700">{t("queue.waiting")}</h3>
        {waiting.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">{t("queue.noneWaiting")}</p>
        ) : (
          <ol aria-label={t("queue.waiting")} className="mt-2 space-y-2">
            {waiting.map((f, i) => (
              <li key={f.id} className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 px-3 py-2">
                <span className="w-5 text-right text-sm font-semibold text-slate-500">{i + 1}.</span>
                <span className="font-medium">{f.name}</span>
                {chip(f.delegationId)}
                {about(f)}
                {isChair && (
                  <button type="button" className={`${buttonSecondary} ml-auto`} disabled={isPending} onClick={() => run(() => actions.give(f.id, limitSeconds))}>
                    {t.rich("queue.give", { name: f.name, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
      {error && <ErrorAlert>{error}</ErrorAlert>}
    </section>
    {bar}
    </>
  );
}
