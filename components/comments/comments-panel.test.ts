// @vitest-environment happy-dom
// The Comments region in a DOM, with a real editor and a stand-in provider: listing, the
// comment form, replies and resolving, refusals kept beside the form, and where focus goes.
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, createElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { NextIntlClientProvider } from "next-intl";
import { readCatalogue } from "@/lib/i18n/messages";
import * as Y from "yjs";
import { Editor } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import { anchorAt } from "@/components/editor/anchor-positions";
import { stateFromPmJson } from "@/lib/document/convert";
import { DOC_FIELD, documentExtensions } from "@/lib/document/schema";
import type { Participant, ThreadView } from "@/lib/protocol";
import { Annotations } from "@/lib/realtime/annotations";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { CommentHighlights, commentHighlightsState, selectThread, startCommentDraft } from "./comment-highlights";
import { CommentsPanel } from "./comments-panel";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const JAPAN = { id: "d-jpn", name: "Japan", code: "JPN", colour: "#1d4ed8" };
const DELEGATE: Participant = { userId: "u-1", name: "Aiko", role: "DELEGATE", delegation: JAPAN };
const CHAIR: Participant = { userId: "u-0", name: "Chair Person", role: "MODERATOR", delegation: null };
const OBSERVER: Participant = { userId: "u-9", name: "Olga", role: "OBSERVER", delegation: null };

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
  document.body.innerHTML = "";
});

async function setup(self: Participant) {
  const doc = new Y.Doc();
  Y.applyUpdate(
    doc,
    stateFromPmJson({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Ports shall open." }] },
        { type: "paragraph", content: [{ type: "text", text: "Tariffs fall." }] },
      ],
    }),
  );
  const annotations = new Annotations();
  const request = vi.fn();
  const provider = { annotations, self, state: "DRAFTING", request } as unknown as ProposalProvider;
  const editor = new Editor({
    element: document.body.appendChild(document.createElement("div")),
    extensions: [...documentExtensions, Collaboration.configure({ document: doc, field: DOC_FIELD }), CommentHighlights.configure({ annotations, mayComment: () => self.role !== "OBSERVER" })],
  });
  const host = document.body.appendChild(document.createElement("div"));
  let root: Root;
  await act(async () => {
    root = createRoot(host);
    root.render(createElement(NextIntlClientProvider, { locale: "en", messages: readCatalogue("en"), timeZone: "UTC", children: createElement(CommentsPanel, { provider, editor }) }));
  });
  cleanups.push(() => {
    act(() => root.unmount());
    editor.destroy();
  });
  const thread = (id: string, from: number, to: number, extra: Partial<ThreadView> = {}): ThreadView => ({
    id,
    from: anchorAt(editor.state, from)!,
    to: anchorAt(editor.state, to)!,
    quote: editor.state.doc.textBetween(from, to),
    visibility: "EVERYONE",
    delegation: null,
    resolved: false,
    comments: [{ id: `${id}-c1`, author: { id: "u-2", name: "Bo", }, delegation: { id: "d-chn", name: "China", code: "CHN", colour: "#dc2626" }, body: "Why shall?", createdAt: "2026-01-01T10:00:00Z" }],
    createdAt: "2026-01-01T10:00:00Z",
    ...extra,
  });
  return { annotations, provider, request, editor, host, thread };
}

const flush = () => act(async () => new Promise((r) => setTimeout(r, 30)));
const region = () => document.querySelector<HTMLElement>('section[aria-label="Comments"]')!;
const buttons = (root: ParentNode, name: string) => [...root.querySelectorAll("button")].filter((b) => b.textContent?.trim() === name);
const button = (root: ParentNode, name: string) => {
  const b = buttons(root, name)[0];
  if (!b) throw new Error(`no button "${name}"`);
  return b;
};
const item = (id: string) => document.querySelector<HTMLElement>(`li[data-thread-id="${id}"]`);
const labelled = (root: ParentNode, label: string) => {
  const l = [...root.querySelectorAll("label")].find((x) => x.textContent?.trim() === label);
  return l ? (document.getElementById(l.htmlFor) as HTMLTextAreaElement | null) : null;
};
async function type(el: HTMLTextAreaElement, value: string) {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
    setter.call(el, value);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
}
const click = (el: HTMLElement) => act(async () => el.click());

describe("CommentsPanel", () => {
  it("lists the threads in text order with their quote, comments and author", async () => {
    const { annotations, thread } = await setup(DELEGATE);
    await act(async () => {
      annotations.upsertThread(thread("late", 16, 23));
      annotations.upsertThread(thread("early", 7, 12));
    });
    const items = [...region().querySelectorAll("li[data-thread-id]")].map((li) => li.getAttribute("data-thread-id"));
    expect(items).toEqual(["early", "late"]);
    const early = item("early")!;
    expect(early.textContent).toContain("shall");
    expect(early.textContent).toContain("Bo");
    expect(early.textContent).toContain("CHN");
    expect(early.textContent).toContain("Why shall?");
  });

  it("posts a reply, then gives focus back to the thread's Reply button", async () => {
    const { annotations, thread, request } = await setup(DELEGATE);
    const t = thread("t1", 7, 12);
    await act(async () => annotations.upsertThread(t));
    await click(button(item("t1")!, "Reply"));
    await flush();
    const box = labelled(item("t1")!, "Reply")!;
    expect(document.activeElement).toBe(box);
    expect(item("t1")!.textContent).toContain("Type @ and a delegation's name or code to notify it");
    await type(box, "Because @JPN asked.");
    const replied = { ...t, comments: [...t.comments, { id: "c2", author: { id: "u-1", name: "Aiko" }, delegation: JAPAN, body: "Because @JPN asked.", createdAt: "2026-01-01T10:01:00Z" }] };
    request.mockResolvedValue({ ok: true, thread: replied });
    await click(button(item("t1")!, "Send reply"));
    await flush();
    expect(request).toHaveBeenCalledWith("comment:reply", { threadId: "t1", body: "Because @JPN asked." });
    expect(item("t1")!.textContent).toContain("Because @JPN asked.");
    expect(labelled(item("t1")!, "Reply")).toBeNull();
    expect(document.activeElement).toBe(button(item("t1")!, "Reply"));
  });

  it("shows a refusal next to the form and keeps the typed text", async () => {
    const { annotations, thread, request } = await setup(DELEGATE);
    await act(async () => annotations.upsertThread(thread("t1", 7, 12)));
    await click(button(item("t1")!, "Reply"));
    await type(labelled(item("t1")!, "Reply")!, "Keep me");
    request.mockResolvedValue({ ok: false, error: { code: "WRONG_STATE", message: "This proposal is decided" } });
    await click(button(item("t1")!, "Send reply"));
    await flush();
    expect(item("t1")!.querySelector('[role="alert"]')?.textContent).toBe("This proposal is decided.");
    expect(labelled(item("t1")!, "Reply")!.value).toBe("Keep me");
  });

  it("starts a thread on the selected passage: form, visibility, post", async () => {
    const { editor, request, annotations } = await setup(DELEGATE);
    await act(async () => {
      editor.commands.setTextSelection({ from: 7, to: 12 });
      startCommentDraft(editor.view);
    });
    await flush();
    const box = labelled(region(), "Comment")!;
    expect(document.activeElement).toBe(box);
    const radios = [...region().querySelectorAll<HTMLInputElement>('input[type="radio"][value="EVERYONE"], input[type="radio"][value="DELEGATION"]')];
    expect(radios.map((r) => r.parentElement!.textContent!.trim())).toEqual(["Everyone", "My delegation only"]);
    expect(buttons(region(), "Comment")).toHaveLength(0);
    await type(box, "Too strong.");
    await click(radios[1]!);
    const draft = commentHighlightsState(editor.state)!.draft!;
    request.mockImplementation(async (_e: string, p: { from: Uint8Array; to: Uint8Array; body: string; visibility: string }) => ({
      ok: true,
      thread: { id: "new", from: p.from, to: p.to, quote: "shall", visibility: p.visibility, delegation: JAPAN, resolved: false, createdAt: "2026-01-01T11:00:00Z", comments: [{ id: "n1", author: { id: "u-1", name: "Aiko" }, delegation: JAPAN, body: p.body, createdAt: "2026-01-01T11:00:00Z" }] },
    }));
    await click(button(region(), "Post comment"));
    await flush();
    expect(request).toHaveBeenCalledWith("comment:start", { from: draft.from, to: draft.to, body: "Too strong.", visibility: "DELEGATION" });
    expect(annotations.snapshot().threads.map((t) => t.id)).toEqual(["new"]);
    expect(item("new")!.textContent).toContain("My delegation only");
    expect(labelled(region(), "Comment")).toBeNull();
    expect(commentHighlightsState(editor.state)!.selectedId).toBe("new");
    expect(item("new")!.contains(document.activeElement)).toBe(true);
  });

  it("offers the chair only Everyone", async () => {
    const { editor } = await setup(CHAIR);
    await act(async () => {
      editor.commands.setTextSelection({ from: 7, to: 12 });
      startCommentDraft(editor.view);
    });
    const radios = [...region().querySelectorAll<HTMLInputElement>('input[name$="-visibility"]')];
    expect(radios.map((r) => r.value)).toEqual(["EVERYONE"]);
  });

  it("keeps a thread resolved by the user in place, with focus on Reopen; others' resolves leave the Open list", async () => {
    const { annotations, thread, request } = await setup(DELEGATE);
    const t1 = thread("t1", 7, 12);
    const t2 = thread("t2", 16, 23);
    await act(async () => {
      annotations.upsertThread(t1);
      annotations.upsertThread(t2);
    });
    const resolve = button(item("t1")!, "Resolve");
    await act(async () => resolve.focus());
    request.mockResolvedValue({ ok: true, thread: { ...t1, resolved: true } });
    await click(resolve);
    await flush();
    expect(request).toHaveBeenCalledWith("comment:resolve", { threadId: "t1", resolved: true });
    expect(item("t1")).not.toBeNull();
    expect(document.activeElement?.textContent).toBe("Reopen");
    // Someone else resolves t2: it leaves the Open list (nobody is working in it).
    await act(async () => annotations.upsertThread({ ...t2, resolved: true }));
    expect(item("t2")).toBeNull();
  });

  it("shows a thread selected in the text, switching the filter when it hides it", async () => {
    const { annotations, thread, editor } = await setup(DELEGATE);
    await act(async () => annotations.upsertThread(thread("t1", 7, 12, { resolved: true })));
    expect(item("t1")).toBeNull();
    await act(async () => selectThread(editor.view, "t1"));
    await flush();
    expect(item("t1")).not.toBeNull();
    expect(region().querySelector<HTMLInputElement>('input[value="ALL"]')!.checked).toBe(true);
    expect(item("t1")!.querySelector('[aria-current="true"]')).not.toBeNull();
  });

  it("marks a thread whose passage was deleted", async () => {
    const { annotations, thread, editor } = await setup(DELEGATE);
    await act(async () => annotations.upsertThread(thread("t1", 7, 12)));
    await act(async () => void editor.commands.deleteRange({ from: 7, to: 12 }));
    expect(item("t1")!.textContent).toContain("on deleted text");
    expect(item("t1")!.querySelector("del")?.textContent).toBe("shall");
  });

  it("gives observers no write controls", async () => {
    const { annotations, thread } = await setup(OBSERVER);
    await act(async () => annotations.upsertThread(thread("t1", 7, 12)));
    expect(buttons(item("t1")!, "Reply")).toHaveLength(0);
    expect(buttons(item("t1")!, "Resolve")).toHaveLength(0);
  });
});
