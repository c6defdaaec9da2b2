// The margin of the text: each counted paragraph's number ("¶3") in the left margin and, when it
// is not Open, its status as a small label at the right of its first line; the paragraph itself
// gets a bar in the status's colour, and the paragraph being read a clear frame.
//
// The marker is a block widget placed just before the paragraph's node (not inside it), so the
// paragraph's own text — what copy, screen readers and tests read — stays the text. It has no
// height: the number sits in the margin (absolute) and the label floats at the right of the
// paragraph's first line. Class strings are written out whole so Tailwind finds them.
import type { ClauseStatus } from "@/lib/domain/vocabulary";
import { joined, type DraftingWords } from "../words";
import { editorWords } from "./editor-words";

/** `awaiting`: for Agreed ad referendum, the codes of the delegations whose capitals have not confirmed yet. */
export type MarkerFacts = { number: number; status: ClauseStatus; current: boolean; inList: boolean; awaiting: readonly string[] };

/** The paragraph's bar per status (a pseudo-element: the text does not move). */
const BAR: Record<ClauseStatus, string> = {
  OPEN: "",
  AGREED: "before:bg-emerald-600",
  AGREED_AD_REFERENDUM: "before:bg-teal-500",
  PARKED: "before:bg-amber-500",
};

const CHIP: Record<ClauseStatus, string> = {
  OPEN: "",
  AGREED: "border-emerald-300 bg-emerald-50 text-emerald-900",
  AGREED_AD_REFERENDUM: "border-teal-300 bg-teal-50 text-teal-900",
  PARKED: "border-amber-300 bg-amber-50 text-amber-900",
};

/** A list item's marker and bar go left of the list's own numbers. */
const BAR_AT = { block: "before:-left-3", item: "before:-left-[2.6rem]" };
const NUMBER_AT = { block: "sm:mr-5", item: "sm:mr-[3.1rem]" };

/** "Agreed ad referendum · awaiting ASEAN" (chip) or "…, awaiting ASEAN" (label), or just the status's name. */
function statusText(f: Pick<MarkerFacts, "status" | "awaiting">, form: "label" | "chip", w: DraftingWords): string {
  const status = w.t(`status.${f.status}`);
  if (f.status !== "AGREED_AD_REFERENDUM" || f.awaiting.length === 0) return status;
  return w.t(form === "chip" ? "margin.awaitingChip" : "margin.awaitingLabel", { status, delegations: joined(w, f.awaiting) });
}

/** "Paragraph 3: Agreed, being read"; "Paragraph 2: Agreed ad referendum, awaiting ASEAN". */
export function markerLabel(f: Pick<MarkerFacts, "number" | "status" | "current"> & { awaiting?: readonly string[] }, w: DraftingWords = editorWords()): string {
  const number = f.number;
  if (f.status === "OPEN") return w.t(f.current ? "margin.paragraphBeingRead" : "margin.paragraph", { number });
  const status = statusText({ status: f.status, awaiting: f.awaiting ?? [] }, "label", w);
  return w.t(f.current ? "margin.paragraphStatusBeingRead" : "margin.paragraphStatus", { number, status });
}

/** The class and attributes of the paragraph's node (status bar, reading frame). */
export function unitAttrs(f: { status: ClauseStatus; current: boolean; inList: boolean }): Record<string, string> | null {
  if (f.status === "OPEN" && !f.current) return null;
  const classes = ["drafting-unit", "relative"];
  if (f.status !== "OPEN") {
    classes.push(`drafting-${f.status.toLowerCase().replaceAll("_", "-")}`, "before:absolute before:top-1 before:bottom-1 before:w-1 before:rounded-full", BAR[f.status], f.inList ? BAR_AT.item : BAR_AT.block);
  }
  // The paragraph on the table: a frame and a tint the whole room sees on the projector.
  if (f.current) classes.push("drafting-current rounded-sm bg-sky-50 outline-2 outline-offset-4 outline-sky-600");
  const attrs: Record<string, string> = { class: classes.join(" "), "data-paragraph-status": f.status };
  if (f.current) attrs["aria-current"] = "true";
  return attrs;
}

export function markerKey(key: string | null, f: MarkerFacts): string {
  return `margin:${key ?? "new"}:${f.number}:${f.status}:${f.current ? 1 : 0}:${f.inList ? 1 : 0}:${f.awaiting.join(",")}:${editorWords().locale}`;
}

export function markerDom(key: string | null, f: MarkerFacts): HTMLElement {
  const w = editorWords();
  const box = document.createElement("div");
  box.dataset.marginMarker = "";
  if (key) box.dataset.paragraphKey = key;
  // ProseMirror makes every widget contenteditable=false.
  // A note the reader can find (its label says it all); the parts are drawn for the eye.
  box.setAttribute("role", "note");
  box.setAttribute("aria-label", markerLabel(f, w));
  box.className = "relative h-0 select-none font-sans text-xs leading-4 print:hidden";

  const number = document.createElement("span");
  number.setAttribute("aria-hidden", "true");
  number.textContent = w.t("margin.number", { number: f.number });
  // Narrow screens have no margin: the number floats at the start of the first line instead.
  number.className = [
    "float-left mr-2 mt-1.5 tabular-nums sm:float-none sm:absolute sm:right-full sm:top-1.5 sm:mr-0 sm:whitespace-nowrap",
    f.inList ? NUMBER_AT.item : NUMBER_AT.block,
    f.current ? "rounded bg-sky-700 px-1 font-bold text-white" : "text-slate-500",
  ].join(" ");
  box.append(number);

  if (f.status !== "OPEN" || f.current) {
    const chips = document.createElement("span");
    chips.setAttribute("aria-hidden", "true");
    chips.className = "float-right ml-3 mt-1 flex gap-1";
    if (f.current) chips.append(chip(w.t("margin.nowReading"), "border-sky-300 bg-sky-100 text-sky-900"));
    if (f.status !== "OPEN") chips.append(chip(statusText(f, "chip", w), CHIP[f.status]));
    box.append(chips);
  }
  return box;
}

function chip(text: string, colours: string): HTMLElement {
  const span = document.createElement("span");
  span.textContent = text;
  span.className = `rounded-full border px-2 py-0.5 font-medium whitespace-nowrap ${colours}`;
  return span;
}
