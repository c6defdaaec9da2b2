// @vitest-environment happy-dom
// The Amendments region in a DOM, with a real editor and a stand-in provider: cards in text
// order, what each role may do (by lib/domain/amendments.ts), stances, reasons, the chair's
// decisions and "Accept all from …", and what an observer sees.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, createElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { NextIntlClientProvider } from "next-intl";
import { readCatalogue } from "@/lib/i18n/messages";
import * as Y from "yjs";
import { Editor } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import { anchorAt } from "@/components/editor/anchor-positions";
import { AmendmentMarks } from "@/components/editor/suggest/amendment-marks";
import type { SuggestHost } from "@/components/editor/suggest/suggest-host";
import { stateFromPmJson } from "@/lib/document/convert";
import { DOC_FIELD, documentExtensions } from "@/lib/document/schema";
import type { AmendmentView, Participant } from "@/lib/protocol";
import { AmendmentDrafts } from "@/lib/realtime/amendment-drafts";
import { Annotations } from "@/lib/realtime/annotations";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { amendmentSource } from "./amendment-source";
import { AmendmentsPanel } from "./amendments-panel";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const JAPAN = { id: "d-jpn", name: "Japan", code: "JPN", colour: "#be185d" };
const CHINA = { id: "d-chn", name: "China", code: "CHN", colour: "#c2410c" };
const KOREA = { id: "d-kor", name: "Republic of Korea", code: "KOR", colour: "#1d4ed8" };
const JAPAN1: Participant = { userId: "u-jp", name: "Aiko", role: "DELEGATE", delegation: JAPAN };
const CHINA1: Participant = { userId: "u-cn", name: "Li", role: "DELEGATE", delegation: CHINA };
const CHAIR: Participant = { userId: "u-chair", name: "Chair Person", role: "MODERATOR", delegation: null };
const OBSERVER: Participant = { userId: "u-obs", name: "Olga", role: "OBSERVER", delegation: null };
const TEXT = "The Parties shall establish a facility.";

let cleanups: Array<() => void> = [];
beforeEach(() => {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ clients: [], delegations: [JAPAN, CHINA, KOREA] }), { status: 200 })));
});
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
  document.body.innerHTML = "";
  vi.unstubAllGlobals();
});

async function setup(self: Participant) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stateFromPmJson({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: TEXT }] }] }));
  const annotations = new Annotations();
  const request = vi.fn();
  const provider = { annotations, self, state: "DRAFTING", request } as unknown as ProposalProvider;
  const drafts = new AmendmentDrafts({ send: async () => ({ ok: true, amendment: null }), isOnline: () => false });
  const source = amendmentSource(annotations, drafts, () => self);
  const host: SuggestHost = { isSuggesting: () => false, amendments: source.get, subscribe: source.subscribe, selfId: () => self.userId, put: () => {}, notice: () => {} };
  const editor = new Editor({
    element: document.body.appendChild(document.createElement("div")),
    extensions: [...documentExtensions, Collaboration.configure({ document: doc, field: DOC_FIELD }), AmendmentMarks.configure({ host })],
  });
  const at = (s: string) => 1 + TEXT.indexOf(s);
  const view = (id: string, from: number, to: number, insert: string, extra: Partial<AmendmentView> = {}): AmendmentView => ({
    id,
    key: `key-${id}-0000`,
    from: anchorAt(editor.state, from)!,
    to: anchorAt(editor.state, to)!,
    passage: editor.state.doc.textBetween(from, to),
    insert,
    reason: null,
    status: "OPEN",
    delegation: JAPAN,
    author: { id: JAPAN1.userId, name: JAPAN1.name },
    stances: [],
    createdAt: "2026-01-01T10:00:00.000Z",
    decidedAt: null,
    ...extra,
  });
  // Listed oldest first by the server; the region orders them by the text.
  annotations.reset("AMENDMENTS", [view("late", at("."), at("."), " promptly"), view("early", at("shall"), at(" establish"), "may")], []);
  const onSelect = vi.fn();
  const onPreview = vi.fn();
  const el = document.body.appendChild(document.createElement("div"));
  let root: Root;
  const render = () =>
    root.render(createElement(NextIntlClientProvider, { locale: "en", messages: readCatalogue("en"), timeZone: "UTC", children: createElement(AmendmentsPanel, { provider, editor, drafts, proposalId: "p1", shown: source.get(), selectedId: null, onSelect, preview: null, onPreview }) }));
  await act(async () => {
    root = createRoot(el);
    render();
  });
  const off = source.subscribe(() => act(() => render()));
  cleanups.push(() => {
    off();
    act(() => root.unmount());
    editor.destroy();
  });
  await flush();
  return { annotations, request, view, at, onSelect, onPreview };
}

const flush = () => act(async () => new Promise((r) => setTimeout(r, 20)));
const region = () => document.querySelector<HTMLElement>('section[aria-label="Amendments"]')!;
const cards = () => [...region().querySelectorAll("li")];
const card = (text: string) => cards().find((li) => li.textContent?.includes(text))!;
const buttonNames = (root: ParentNode) => [...root.querySelectorAll("button")].map((b) => b.textContent?.trim());
const button = (root: ParentNode, name: string) => [...root.querySelectorAll("button")].find((b) => b.textContent?.trim() === name);

describe("AmendmentsPanel", () => {
  it("lists amendments in text order with their delegation, author and what they do", async () => {
    await setup(OBSERVER);
    expect(cards().map((li) => li.querySelector("button")?.textContent)).toEqual(["Replace “shall” by “may”", "Insert “ promptly”"]);
    expect(card("shall").textContent).toContain("Japan");
    expect(card("shall").textContent).toContain("Aiko");
    expect(card("shall").textContent).toContain("Open");
  });

  it("gives an observer nothing to press but the summaries, filters and previews", async () => {
    await setup(OBSERVER);
    for (const li of cards()) expect(buttonNames(li)).toHaveLength(1);
    for (const name of ["Support", "Object", "Withdraw", "Accept", "Reject"]) expect(button(region(), name)).toBeUndefined();
    expect(buttonNames(region())).toContain("Preview: all accepted");
    expect(region().querySelector('[role="radiogroup"]')).not.toBeNull();
  });

  it("lets another delegation support or object, pressed until pressed again", async () => {
    const { request, annotations } = await setup(CHINA1);
    const shall = () => card("shall");
    expect(button(shall(), "Withdraw")).toBeUndefined();
    const answered = { ...annotations.snapshot().amendments.find((a) => a.id === "early")!, stances: [{ delegationId: CHINA.id, stance: "OBJECT" as const }] };
    request.mockResolvedValueOnce({ ok: true, amendment: answered });
    await act(async () => button(shall(), "Object")!.click());
    expect(request).toHaveBeenCalledWith("amendment:stance", { amendmentId: "early", stance: "OBJECT" });
    await flush();
    expect(button(shall(), "Object")!.getAttribute("aria-pressed")).toBe("true");
    expect(button(shall(), "Support")!.getAttribute("aria-pressed")).toBe("false");
    expect(shall().textContent).toContain("Objects · CHN");
    request.mockResolvedValueOnce({ ok: true, amendment: { ...answered, stances: [] } });
    await act(async () => button(shall(), "Object")!.click());
    expect(request).toHaveBeenLastCalledWith("amendment:stance", { amendmentId: "early", stance: null });
  });

  it("lets the author write the reason and withdraw, but not support their own", async () => {
    const { request, annotations } = await setup(JAPAN1);
    const shall = card("shall");
    expect(button(shall, "Support")).toBeUndefined();
    const label = [...shall.querySelectorAll("label")].find((l) => l.textContent === "Reason")!;
    const box = document.getElementById(label.htmlFor) as HTMLTextAreaElement;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(box, "Room for procedures.");
      box.dispatchEvent(new Event("input", { bubbles: true }));
    });
    const stored = { ...annotations.snapshot().amendments.find((a) => a.id === "early")!, reason: "Room for procedures." };
    request.mockResolvedValueOnce({ ok: true, amendment: stored });
    await act(async () => button(shall, "Save reason")!.click());
    expect(request).toHaveBeenCalledWith("amendment:reason", { amendmentId: "early", reason: "Room for procedures." });
    expect(button(card("shall"), "Withdraw")).toBeDefined();
  });

  it("gives the chair Accept, Reject and Accept all per delegation; a refusal is said on the card", async () => {
    const { request, annotations } = await setup(CHAIR);
    expect(buttonNames(card("shall"))).toEqual(expect.arrayContaining(["Accept", "Reject"]));
    expect(button(region(), "Accept all from Japan")).toBeDefined();
    request.mockResolvedValueOnce({ ok: false, error: { code: "WRONG_STATE", message: "Amendments can be accepted only while drafting is open." } });
    await act(async () => button(card("shall"), "Accept")!.click());
    expect(card("shall").querySelector('[role="alert"]')?.textContent).toBe("Amendments can be accepted only while drafting is open.");
    const accepted = { ...annotations.snapshot().amendments.find((a) => a.id === "early")!, status: "ACCEPTED" as const, decidedAt: "2026-01-01T10:05:00.000Z" };
    request.mockResolvedValueOnce({ ok: true, amendments: [accepted] });
    await act(async () => button(card("shall"), "Accept")!.click());
    await flush();
    expect(card("shall").textContent).toContain("Accepted");
    expect(button(card("shall"), "Accept")).toBeUndefined();
  });

  it("filters by status and delegation, and toggles the previews", async () => {
    const { annotations, view, at, onPreview } = await setup(OBSERVER);
    await act(async () => annotations.upsertAmendments([view("cn", at("facility"), at("."), "fund", { delegation: CHINA, author: { id: CHINA1.userId, name: "Li" }, status: "REJECTED" })]));
    await flush();
    expect(cards()).toHaveLength(3);
    const rejected = [...region().querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.value === "REJECTED")!;
    await act(async () => rejected.click());
    expect(cards().map((li) => li.textContent?.includes("Rejected"))).toEqual([true]);
    const all = [...region().querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.value === "ALL")!;
    await act(async () => all.click());
    const select = region().querySelector("select")!;
    await act(async () => {
      select.value = JAPAN.id;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(cards()).toHaveLength(2);
    await act(async () => button(region(), "Preview: all accepted")!.click());
    expect(onPreview).toHaveBeenCalledWith("accepted");
  });
});
