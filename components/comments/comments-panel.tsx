"use client";
// The Comments region beside the text: the comment form for a selected passage, and the
// threads this member may see (the server sends a delegation-only thread to its delegation
// only), in the order of their passages. Choosing a thread scrolls the text to its passage and
// draws it stronger; clicking a passage's highlight in the text selects its thread here.
// Observers read; everyone else may start threads, reply, resolve and reopen while the proposal
// is not decided. Focus stays where the user acted: live updates never move or remove what the
// user is working in (see use-thread-list.ts).
//
// The parts: new-thread-form.tsx (the comment form), thread-card.tsx (one thread, with its reply
// form), thread-filter.tsx (Open / Resolved / All), use-panel-view.ts (what the editor tells the
// region), use-show-selected.ts (following a selection made in the text).
import { useCallback, useState, useSyncExternalStore } from "react";
import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { announce } from "@/components/ui/announce";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { COMMENT_BUTTON_ID, clearCommentDraft, mayComment, scrollToThread, selectThread } from "./comment-highlights";
import { NewThreadForm } from "./new-thread-form";
import { sendComment } from "./send-comment";
import { ThreadCard } from "./thread-card";
import { ThreadFilterChoice } from "./thread-filter";
import { filterCounts, filterShowing, type ThreadFilter } from "./thread-logic";
import { usePanelView } from "./use-panel-view";
import { useShowSelected } from "./use-show-selected";
import { useThreadList } from "./use-thread-list";

type Props = { provider: ProposalProvider; editor: Editor | null };

const NO_IDS: ReadonlySet<string> = new Set();

export function CommentsPanel({ provider, editor }: Props) {
  // Keyed: useEditorState reads a newly created editor only from its next transaction, so the
  // region starts afresh once the editor exists (as the formatting toolbar does).
  return <Comments key={editor ? "live" : "waiting"} provider={provider} editor={editor} />;
}

function Comments({ provider, editor }: Props) {
  const t = useTranslations("comments");
  const { threads } = useSyncExternalStore(provider.annotations.subscribe, provider.annotations.snapshot, provider.annotations.snapshot);
  const hl = usePanelView(editor);
  const selectedId = hl?.selectedId ?? null;
  const deleted = hl?.text.deleted ?? NO_IDS;
  const draft = hl?.draft ?? null;
  const self = provider.self;
  const canStart = mayComment(provider);

  const [filter, setFilter] = useState<ThreadFilter>("OPEN");
  const { ids, byId, focusRequest, requestFocus, focused, setDraftingFor, listFocus } = useThreadList(threads, hl?.text.order, filter);
  const counts = filterCounts(threads);
  const listRef = useShowSelected(selectedId, threads, setFilter);

  const choose = useCallback(
    (threadId: string) => {
      if (!editor) return;
      selectThread(editor.view, threadId);
      scrollToThread(editor, threadId);
    },
    [editor],
  );

  return (
    <section aria-label={t("panel.label")} className="space-y-3 rounded-lg border border-slate-200 bg-white px-4 py-4 shadow-sm print:hidden">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <h2 className="text-lg font-semibold text-slate-900">{t("panel.label")}</h2>
        <ThreadFilterChoice filter={filter} counts={counts} onChange={setFilter} />
      </div>

      {canStart && draft && editor && self && (
        <NewThreadForm
          key="new-thread"
          draft={draft}
          self={self}
          onCancel={() => {
            clearCommentDraft(editor.view);
            document.getElementById(COMMENT_BUTTON_ID)?.focus();
          }}
          onSubmit={async (body, visibility) => {
            const res = await sendComment(provider, () => provider.request("comment:start", { from: draft.from, to: draft.to, body, visibility }));
            if (res.ok) {
              clearCommentDraft(editor.view);
              selectThread(editor.view, res.thread.id);
              setFilter((f) => filterShowing(f, res.thread));
              requestFocus({ threadId: res.thread.id, target: "select" });
              announce(t("panel.posted"));
            }
            return res;
          }}
        />
      )}

      {!canStart && self?.role !== "OBSERVER" && provider.state && (
        <p className="text-sm text-slate-600">{t("panel.decided")}</p>
      )}

      {ids.length === 0 ? (
        <p className="text-sm text-slate-600">
          {threads.length === 0
            ? canStart
              ? t("panel.emptyCanStart")
              : t("panel.empty")
            : filter === "OPEN"
              ? t("panel.noOpen")
              : t("panel.noResolved")}
        </p>
      ) : (
        <ol ref={listRef} aria-label={t("panel.listLabel")} className="relative max-h-[70vh] space-y-3 overflow-y-auto pr-1" onFocus={listFocus.onFocus} onBlur={listFocus.onBlur}>
          {ids.map((id) => {
            const t = byId.get(id);
            if (!t) return null;
            return (
              <ThreadCard
                key={id}
                thread={t}
                deleted={deleted.has(id)}
                self={self}
                provider={provider}
                proposalState={provider.state}
                selected={id === selectedId}
                focusTarget={focusRequest?.threadId === id ? focusRequest.target : null}
                onFocused={focused}
                onChoose={choose}
                onDrafting={setDraftingFor}
              />
            );
          })}
        </ol>
      )}
    </section>
  );
}
