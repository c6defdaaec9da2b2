"use client";
// The chair's reading, paragraph by paragraph. Everyone sees "Reading: paragraph 3" while it
// runs — in a bar that stays at the bottom of the screen beside the text, for the room and the
// projector. The chair starts it, steps with "Previous paragraph" / "Next paragraph" and ends it;
// when it ends, a status message says what changed status. Focus stays with the chair's hands:
// "Start reading" hands it to "Next paragraph", "End reading" back to "Start reading".
import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonPrimary, buttonSecondary } from "@/components/ui/field";
import type { Actor } from "@/lib/domain/amendments";
import type { ProposalState } from "@/lib/domain/vocabulary";
import type { ReadingView } from "@/lib/protocol";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { endedReadingToShow, firstWords, mayRead, readingSummary, type ParagraphIndex } from "./drafting-logic";
import { sendDrafting } from "./send-drafting";
import { useRefusalText } from "./use-refusal-text";
import { InlineError } from "@/components/ui/alert";
import { useDraftingWords } from "../use-drafting-words";

type Props = {
  provider: ProposalProvider;
  reading: ReadingView | null;
  index: ParagraphIndex;
  actor: Actor | null;
  state: ProposalState | null;
};

export function ReadingPanel({ provider, reading, index, actor, state }: Props) {
  const id = useId();
  const t = useTranslations("drafting.readingPanel");
  const words = useDraftingWords();
  const refusalText = useRefusalText();
  const isChair = mayRead(actor, state);
  const active = reading?.active === true;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [mountedAt] = useState(() => Date.now());
  // The reading this tab saw end (its summary shows however long ago that was).
  const [seenEnding, setSeenEnding] = useState<string | null>(null);
  const previous = useRef<ReadingView | null>(reading);
  useEffect(() => {
    const before = previous.current;
    previous.current = reading;
    if (before?.active && reading && !reading.active && reading.id === before.id) setSeenEnding(reading.id);
  }, [reading]);
  const ended = active ? null : endedReadingToShow(reading, seenEnding, mountedAt);

  const startButton = useRef<HTMLButtonElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<"start" | "next" | null>(null);
  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target === "next") nextButton.current?.focus();
    if (target === "start") startButton.current?.focus();
  }, [active]);

  const number = active && reading?.currentKey ? (index.number.get(reading.currentKey) ?? null) : null;
  const at = number ? number - 1 : -1;

  async function run(what: "start" | "next" | "previous" | "end") {
    if (busy) return;
    setBusy(true);
    setError(null);
    if (what === "start") focusAfter.current = "next";
    if (what === "end") focusAfter.current = "start";
    const res =
      what === "start"
        ? await sendDrafting(provider, "reading:start", {})
        : what === "end"
          ? await sendDrafting(provider, "reading:end", {})
          : await sendDrafting(provider, "reading:move", { direction: what });
    setBusy(false);
    if (!res.ok) {
      focusAfter.current = null;
      setError(refusalText(res));
    }
  }

  const status = (
    // Always rendered, so the summary is announced when a reading ends.
    <p role="status" className={ended ? "rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-950" : "sr-only"}>
      {ended ? readingSummary(ended.changes, words) : ""}
    </p>
  );

  if (!active && !isChair && !ended) return <div>{status}</div>;

  return (
    <section
      aria-label={t("region")}
      className={`space-y-2 rounded-lg border px-4 py-3 print:hidden ${active ? "sticky bottom-2 z-[5] border-sky-300 bg-sky-50/95 shadow-lg backdrop-blur" : "border-slate-200 bg-white shadow-sm"}`}
    >
      {status}
      {active && (
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <p className="text-lg font-semibold text-sky-950">{number ? t("current", { number }) : t("currentGone")}</p>
          {number && reading?.currentKey && (
            <p className="min-w-0 flex-1 truncate font-serif text-base text-slate-800">
              <q>{firstWords(index.text.get(reading.currentKey) ?? "", 16)}</q>
            </p>
          )}
        </div>
      )}
      {isChair && (
        <div role="group" aria-labelledby={`${id}-where`} className="flex flex-wrap items-center gap-2">
          <span id={`${id}-where`} className="text-sm font-medium text-slate-700">
            {active ? (number ? t("where", { number, total: index.keys.length }) : t("whereGone")) : t("idle")}
          </span>
          {active ? (
            <>
              <button type="button" aria-disabled={busy || at <= 0 || undefined} onClick={() => at > 0 && void run("previous")} className={`${buttonSecondary} aria-disabled:opacity-50`}>
                {t("previous")}
              </button>
              <button
                ref={nextButton}
                type="button"
                aria-disabled={busy || (at !== -1 && at >= index.keys.length - 1) || undefined}
                onClick={() => (at === -1 || at < index.keys.length - 1) && void run("next")}
                className={`${buttonPrimary} aria-disabled:opacity-60`}
              >
                {t("next")}
              </button>
              <button type="button" aria-disabled={busy || undefined} onClick={() => void run("end")} className={`${buttonSecondary} ml-auto`}>
                {t("end")}
              </button>
            </>
          ) : (
            <button
              ref={startButton}
              type="button"
              aria-disabled={busy || index.keys.length === 0 || undefined}
              onClick={() => index.keys.length > 0 && void run("start")}
              className={`${buttonPrimary} aria-disabled:opacity-60`}
            >
              {t("start")}
            </button>
          )}
        </div>
      )}
      <InlineError error={error} />
    </section>
  );
}
