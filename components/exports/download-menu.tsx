"use client";
// "Download", "Download redline" and "Outcome record": a button that opens a small panel of
// plain download links (the server answers with an attachment), a paper size the Word and PDF
// links follow (remembered in this browser), and — for a member of a delegation, on a text — the
// choice to include their delegation's internal comments. Escape closes it and gives the focus
// back to the button. The addresses come from lib/export/request.ts, the routes' own definition.
import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { buttonSecondary } from "@/components/ui/field";
import { outcomeRecordUrl, redlineUrl, textExportUrl } from "@/lib/export/request";

type Paper = "A4" | "LETTER";
export type DownloadFormat = "docx" | "pdf" | "md" | "json";

/** What is downloaded: a text (the live one, or a version), a redline between two versions, or a workshop's outcome record. */
export type DownloadTarget =
  | { kind: "text"; proposalId: string; version?: number }
  | { kind: "redline"; proposalId: string; from: number; to: number }
  | { kind: "outcome"; workshopId: string };

const FORMATS: Record<DownloadTarget["kind"], readonly DownloadFormat[]> = {
  text: ["docx", "pdf", "md"],
  redline: ["docx", "pdf"],
  outcome: ["docx", "pdf", "json"],
};
/** Only these are laid out on paper; the others ignore the size. */
const PAGED: readonly DownloadFormat[] = ["docx", "pdf"];

function urlOf(target: DownloadTarget, format: DownloadFormat, paper: Paper, withComments: boolean): string {
  const size = PAGED.includes(format) ? paper : undefined;
  switch (target.kind) {
    case "text":
      return textExportUrl(target.proposalId, {
        format: format as "docx" | "pdf" | "md",
        version: target.version,
        paper: size,
        comments: withComments ? "delegation" : undefined,
      });
    case "redline":
      return redlineUrl(target.proposalId, { format: format as "docx" | "pdf", from: target.from, to: target.to, paper: size });
    case "outcome":
      return outcomeRecordUrl(target.workshopId, { format: format as "docx" | "pdf" | "json", paper: size });
  }
}

// ---- The paper size, remembered per browser ------------------------------------------------

const PAPER_KEY = "accord:export-paper";
const PAPER_EVENT = "accord:export-paper-change";

function readPaper(): Paper {
  try {
    return window.localStorage.getItem(PAPER_KEY) === "LETTER" ? "LETTER" : "A4";
  } catch {
    // Storage refused (private mode, policy): A4, the default.
    return "A4";
  }
}

function writePaper(paper: Paper): void {
  try {
    window.localStorage.setItem(PAPER_KEY, paper);
  } catch {
    // Not remembered; the event below still applies it to this page.
  }
  window.dispatchEvent(new Event(PAPER_EVENT));
}

function subscribePaper(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(PAPER_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(PAPER_EVENT, onChange);
  };
}

// ---- The menu ------------------------------------------------------------------------------

type Props = {
  /**
   * The button's name; by default the target's, from the catalogue (exports.label.*): "Download",
   * "Download redline", "Outcome record". A page passing its own passes translated words.
   */
  label?: string;
  /**
   * Said at the top of the panel, and its name: what the files hold; by default the target's
   * (exports.title.*): "The live text", "Version 3", "Version 2 → version 3, as tracked changes"…
   */
  title?: string;
  target: DownloadTarget;
  /** Offer "Include my delegation’s internal comments" (texts only, for a member of a delegation). */
  delegationComments?: boolean;
  /** A short line under the links; by default, for an outcome record, how to check it (exports.note.outcome). */
  note?: string;
  /** Which edge of the button the panel lines up with. */
  align?: "left" | "right";
};

export function DownloadMenu({ label: givenLabel, title: givenTitle, target, delegationComments = false, note: givenNote, align = "right" }: Props) {
  const t = useTranslations("exports");
  const label = givenLabel ?? t(`label.${target.kind}`);
  const title =
    givenTitle ??
    (target.kind === "redline"
      ? t("title.redline", { from: target.from, to: target.to })
      : target.kind === "outcome"
        ? t("title.outcome")
        : target.version !== undefined
          ? t("title.version", { number: target.version })
          : t("title.live"));
  const note = givenNote ?? (target.kind === "outcome" ? t("note.outcome") : undefined);
  const [isOpen, setOpen] = useState(false);
  const [withComments, setWithComments] = useState(false);
  const paper = useSyncExternalStore(subscribePaper, readPaper, () => "A4" as Paper);
  const panelId = useId();
  const titleId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const formats = FORMATS[target.kind];
  const offersComments = delegationComments && target.kind === "text";
  const offersPaper = formats.some((f) => PAGED.includes(f));

  // A click elsewhere closes it (the focus stays where that click put it).
  useEffect(() => {
    if (!isOpen) return;
    const onPointer = (e: PointerEvent) => wrapper.current && !wrapper.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [isOpen]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== "Escape" || !isOpen) return;
    e.stopPropagation();
    setOpen(false);
    button.current?.focus();
  }

  return (
    <div ref={wrapper} className="relative inline-block print:hidden" onKeyDown={onKeyDown}>
      <button ref={button} type="button" className={`${buttonSecondary} gap-1.5`} aria-expanded={isOpen} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {label}
        <span aria-hidden className={`text-xs text-slate-500 transition-transform motion-reduce:transition-none ${isOpen ? "rotate-180" : ""}`}>
          ▾
        </span>
      </button>
      <div
        id={panelId}
        role="group"
        aria-labelledby={titleId}
        hidden={!isOpen}
        className={`absolute z-40 mt-2 w-72 max-w-[calc(100vw-2rem)] space-y-3 rounded-lg border border-slate-200 bg-white p-3 text-left shadow-lg ${align === "right" ? "right-0" : "left-0"}`}
      >
        <p id={titleId} className="text-sm font-semibold text-slate-800">
          {title}
        </p>
        <ul className="space-y-1">
          {formats.map((f) => (
            <li key={f}>
              <a
                href={urlOf(target, f, paper, offersComments && withComments)}
                download
                className="block rounded px-2 py-1.5 text-sm font-medium text-sky-800 underline-offset-2 hover:bg-slate-100 hover:underline"
              >
                {t(`format.${f}`)}
              </a>
            </li>
          ))}
        </ul>
        {offersPaper && (
          <fieldset role="radiogroup" className="border-t border-slate-100 pt-2">
            <legend className="float-left mr-3 pt-2 text-sm text-slate-700">{t("paperSize")}</legend>
            <div className="flex gap-4 pt-2">
              {(["A4", "LETTER"] as const).map((p) => (
                <label key={p} className="inline-flex cursor-pointer items-center gap-1.5 text-sm text-slate-800">
                  <input type="radio" name={`${panelId}-paper`} value={p} className="h-4 w-4" checked={paper === p} onChange={() => writePaper(p)} />
                  {t(`paper.${p}`)}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {offersComments && (
          <label className="flex cursor-pointer items-start gap-2 border-t border-slate-100 pt-2 text-sm text-slate-800">
            <input type="checkbox" className="mt-0.5 h-4 w-4 shrink-0" checked={withComments} onChange={(e) => setWithComments(e.target.checked)} />
            {t("includeComments")}
          </label>
        )}
        {note && <p className="border-t border-slate-100 pt-2 text-xs text-slate-600">{note}</p>}
      </div>
    </div>
  );
}
