"use client";
// The Comments region beside the text: the comment form for a selected passage, and the
// threads this member may see (the server sends a delegation-only thread to its delegation
// only), in the order of their passages. Choosing a thread scrolls the text to its passage and
// draws it stronger; clicking a passage's highlight in the text selects its thread here.
// Observers read; everyone else may start threads, reply, resolve and reopen while the proposal
// is not decided. Focus stays where the user acted: live updates never move or remove what the
// user is working in (see keepOrder and the pinned threads).
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { useEditorState, type Editor } from "@tiptap/react";
import { LocalTime } from "@/components/ui/local-time";
import { useViewerZone } from "@/components/ui/viewer-zone";
import { announce } from "@/components/ui/announce";
import { buttonPrimary, buttonSecondary } from "@/components/ui/field";
import { MAX_COMMENT_CHARS, mayWriteInThread } from "@/lib/domain/comments";
import type { CommentVisibility } from "@/lib/domain/vocabulary";
import type { CommentView, Participant, ThreadAck, ThreadView } from "@/lib/protocol";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { isSameLocalDay } from "@/lib/time/time-format";
import {
  COMMENT_BUTTON_ID,
  clearCommentDraft,
  commentHighlightsState,
  mayComment,
  scrollToThread,
  selectThread,
  type CommentDraft,
  type CommentHighlightsState,
} from "./comment-highlights";
import {
  MENTION_HINT,
  PRIVATE_MENTION_HINT,
  THREAD_FILTERS,
  filterCounts,
  filterShowing,
  filterThreads,
  inOrder,
  keepOrder,
  textOrder,
  safeColour,
  shortQuote,
  visibilityBadge,
  type TextOrder,
  type ThreadFilter,
} from "./thread-logic";

type Props = { provider: ProposalProvider; editor: Editor | null };

const NO_IDS: ReadonlySet<string> = new Set();

type PanelView = { text: TextOrder; selectedId: string | null; draft: CommentDraft | null };
// One computation per plugin state (the selector runs on every transaction).
const views = new WeakMap<CommentHighlightsState, PanelView>();

function panelView(state: Editor["state"]): PanelView | null {
  const s = commentHighlightsState(state);
  if (!s) return null;
  let v = views.get(s);
  if (!v) {
    v = { text: textOrder(s.threads, s.ranges), selectedId: s.selectedId, draft: s.draft };
    views.set(s, v);
  }
  return v;
}

function samePanelView(a: PanelView | null, b: PanelView | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.text.key === b.text.key && a.selectedId === b.selectedId && a.draft === b.draft;
}
const textarea =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm placeholder:text-slate-400 focus:border-sky-600";

/** Sends one comment event; a lost connection or a late answer reads as a refusal, never throws. */
async function send(provider: ProposalProvider, run: () => Promise<ThreadAck>): Promise<ThreadAck> {
  try {
    const res = await run();
    if (res.ok) provider.annotations.upsertThread(res.thread);
    return res;
  } catch {
    return { ok: false, error: { code: "UNAVAILABLE", message: "The server did not answer. Try again." } };
  }
}

function errorText(message: string): string {
  return message.replace(/\.?$/, ".");
}

export function CommentsPanel({ provider, editor }: Props) {
  // Keyed: useEditorState reads a newly created editor only from its next transaction, so the
  // region starts afresh once the editor exists (as the formatting toolbar does).
  return <Comments key={editor ? "live" : "waiting"} provider={provider} editor={editor} />;
}

function Comments({ provider, editor }: Props) {
  const { threads } = useSyncExternalStore(provider.annotations.subscribe, provider.annotations.snapshot, provider.annotations.snapshot);
  // Re-rendered when the text order, a passage's deletion, the selection or the draft changes —
  // not on every keystroke that merely moves positions.
  const hl = useEditorState({ editor, selector: ({ editor: e }) => (e ? panelView(e.state) : null), equalityFn: samePanelView });
  const selectedId = hl?.selectedId ?? null;
  const deleted = hl?.text.deleted ?? NO_IDS;
  const self = provider.self;
  const canStart = mayComment(provider);

  const [filter, setFilter] = useState<ThreadFilter>("OPEN");
  // Threads that must stay listed whatever the filter: the one holding focus, ones with an unsent reply.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [drafting, setDrafting] = useState<ReadonlySet<string>>(new Set());
  const [focusRequest, setFocusRequest] = useState<{ threadId: string; target: "select" | "reply" } | null>(null);
  const [listHasFocus, setListHasFocus] = useState(false);
  const order = useRef<string[]>([]);
  const listRef = useRef<HTMLOListElement>(null);

  const pinned = useMemo(() => {
    const s = new Set(drafting);
    if (focusedId) s.add(focusedId);
    if (focusRequest) s.add(focusRequest.threadId);
    return s;
  }, [drafting, focusedId, focusRequest]);

  const textOrderIds = hl?.text.order;
  const sorted = useMemo(() => inOrder(threads, textOrderIds ?? []), [threads, textOrderIds]);
  const visible = useMemo(() => filterThreads(sorted, filter, pinned), [sorted, filter, pinned]);
  // While the user works in the list, nothing already listed moves (a moved item loses focus).
  const ids = listHasFocus ? keepOrder(order.current, visible.map((t) => t.id)) : visible.map((t) => t.id);
  order.current = ids;
  const byId = new Map(visible.map((t) => [t.id, t]));
  const counts = filterCounts(threads);

  // A thread selected in the text: show it (switching the filter if it hides it) and scroll the
  // list — not the page — to it.
  const lastSelected = useRef<string | null>(null);
  useEffect(() => {
    if (selectedId === lastSelected.current) return;
    lastSelected.current = selectedId;
    if (!selectedId) return;
    const t = threads.find((x) => x.id === selectedId);
    if (t) setFilter((f) => filterShowing(f, t));
    requestAnimationFrame(() => {
      const list = listRef.current;
      const item = list?.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(selectedId)}"]`);
      if (!list || !item) return;
      const top = item.offsetTop;
      if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTo({ top: Math.max(0, top - 8) });
    });
  }, [selectedId, threads]);

  const choose = useCallback(
    (threadId: string) => {
      if (!editor) return;
      selectThread(editor.view, threadId);
      scrollToThread(editor, threadId);
    },
    [editor],
  );

  const setDraftingFor = useCallback((id: string, has: boolean) => {
    setDrafting((prev) => {
      if (prev.has(id) === has) return prev;
      const next = new Set(prev);
      if (has) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const focused = useCallback(() => setFocusRequest(null), []);

  const draft = hl?.draft ?? null;

  return (
    <section aria-label="Comments" className="space-y-3 rounded-lg border border-slate-200 bg-white px-4 py-4 shadow-sm print:hidden">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <h2 className="text-lg font-semibold text-slate-900">Comments</h2>
        <fieldset className="flex items-center gap-2">
          <legend className="sr-only">Show comment threads</legend>
          <div className="inline-flex rounded-md border border-slate-300 bg-slate-50 p-0.5">
            {THREAD_FILTERS.map((f) => (
              <label
                key={f.value}
                className="cursor-pointer rounded px-2.5 py-1 text-sm font-medium text-slate-700 has-checked:bg-white has-checked:text-slate-900 has-checked:shadow-sm has-focus-visible:outline-3 has-focus-visible:outline-blue-600"
              >
                <input type="radio" name="comment-thread-filter" value={f.value} checked={filter === f.value} onChange={() => setFilter(f.value)} className="sr-only" />
                {f.label} <span className="tabular-nums text-slate-500">({counts[f.value]})</span>
              </label>
            ))}
          </div>
        </fieldset>
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
            const res = await send(provider, () => provider.request("comment:start", { from: draft.from, to: draft.to, body, visibility }));
            if (res.ok) {
              clearCommentDraft(editor.view);
              selectThread(editor.view, res.thread.id);
              setFilter((f) => filterShowing(f, res.thread));
              setFocusRequest({ threadId: res.thread.id, target: "select" });
              announce("Comment posted.");
            }
            return res;
          }}
        />
      )}

      {!canStart && self?.role !== "OBSERVER" && provider.state && (
        <p className="text-sm text-slate-600">This proposal is decided: its comments can be read, not added to.</p>
      )}

      {ids.length === 0 ? (
        <p className="text-sm text-slate-600">
          {threads.length === 0
            ? canStart
              ? "No comments yet. Select a passage in the text and choose Comment."
              : "No comments yet."
            : filter === "OPEN"
              ? "No open threads."
              : "No resolved threads."}
        </p>
      ) : (
        <ol
          ref={listRef}
          aria-label="Comment threads"
          className="relative max-h-[70vh] space-y-3 overflow-y-auto pr-1"
          onFocus={(e) => {
            setListHasFocus(true);
            const id = (e.target as HTMLElement).closest<HTMLElement>("[data-thread-id]")?.dataset.threadId ?? null;
            setFocusedId(id);
          }}
          onBlur={(e) => {
            if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
            setListHasFocus(false);
            setFocusedId(null);
          }}
        >
          {ids.map((id) => {
            const t = byId.get(id);
            if (!t) return null;
            return (
              <ThreadItem
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

// ---- The comment form ---------------------------------------------------------------------

function NewThreadForm({
  draft,
  self,
  onSubmit,
  onCancel,
}: {
  draft: CommentDraft;
  self: Participant;
  onSubmit: (body: string, visibility: CommentVisibility) => Promise<ThreadAck>;
  onCancel: () => void;
}) {
  const id = useId();
  const [body, setBody] = useState("");
  const [visibility, setVisibility] = useState<CommentVisibility>("EVERYONE");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const hasDelegation = self.delegation !== null;

  // Each "Comment" press (a new passage, or the same again) brings the user here.
  useEffect(() => {
    box.current?.focus();
  }, [draft.seq]);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (pending) return;
    if (body.trim() === "") {
      setError("Write your comment first.");
      box.current?.focus();
      return;
    }
    setPending(true);
    setError(null);
    const res = await onSubmit(body, hasDelegation ? visibility : "EVERYONE");
    setPending(false);
    if (!res.ok) setError(errorText(res.error.message));
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} className="space-y-3 rounded-md border border-sky-200 bg-sky-50/60 p-3">
      <div>
        <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
          New comment
        </h3>
        <p className="mt-1 text-sm text-slate-700">
          On: <q className="font-serif italic">{shortQuote(draft.quote)}</q>
        </p>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-body`} className="block text-sm font-medium text-slate-800">
          Comment
        </label>
        <textarea
          ref={box}
          id={`${id}-body`}
          value={body}
          rows={3}
          maxLength={MAX_COMMENT_CHARS}
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape" && body === "") {
              e.preventDefault();
              onCancel();
              return;
            }
            submitOnCtrlEnter(e, () => void submit());
          }}
          className={textarea}
        />
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {visibility === "DELEGATION" ? PRIVATE_MENTION_HINT : MENTION_HINT}
        </p>
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">Visible to</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-1">
          <label className="inline-flex items-center gap-2 text-sm text-slate-800">
            <input type="radio" name={`${id}-visibility`} value="EVERYONE" checked={visibility === "EVERYONE" || !hasDelegation} onChange={() => setVisibility("EVERYONE")} className="h-4 w-4 accent-sky-700" />
            Everyone
          </label>
          {hasDelegation && (
            <label className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name={`${id}-visibility`} value="DELEGATION" checked={visibility === "DELEGATION"} onChange={() => setVisibility("DELEGATION")} className="h-4 w-4 accent-sky-700" />
              My delegation only
            </label>
          )}
        </div>
      </fieldset>
      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" aria-disabled={pending || undefined} className={buttonPrimary}>
          {pending ? "Posting…" : "Post comment"}
        </button>
        <button type="button" onClick={onCancel} className={buttonSecondary}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function submitOnCtrlEnter(e: KeyboardEvent<HTMLTextAreaElement>, run: () => void) {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    run();
  }
}

// ---- One thread -------------------------------------------------------------------------------

const ThreadItem = memo(function ThreadItem({
  thread,
  deleted,
  self,
  provider,
  proposalState,
  selected,
  focusTarget,
  onFocused,
  onChoose,
  onDrafting,
}: {
  thread: ThreadView;
  deleted: boolean;
  self: Participant | null;
  provider: ProposalProvider;
  /** Passed, not read from the provider, so the memoized item updates when it changes. */
  proposalState: ProposalProvider["state"];
  selected: boolean;
  focusTarget: "select" | "reply" | null;
  onFocused: () => void;
  onChoose: (threadId: string) => void;
  onDrafting: (threadId: string, has: boolean) => void;
}) {
  const id = useId();
  const zone = useViewerZone();
  const [showComments, setShowComments] = useState(false);
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<"reply" | "resolve" | null>(null);
  const selectButton = useRef<HTMLButtonElement>(null);
  const replyButton = useRef<HTMLButtonElement>(null);
  const replyBox = useRef<HTMLTextAreaElement>(null);

  const badge = visibilityBadge(thread, self?.delegation?.id ?? null);
  const viewer = self ? { userId: self.userId, role: self.role, delegationId: self.delegation?.id ?? null } : null;
  const canWrite = Boolean(viewer && proposalState && mayWriteInThread(viewer, { visibility: thread.visibility, delegationId: thread.delegation?.id ?? null }, proposalState).ok);
  const expanded = !thread.resolved || showComments;
  const hasDraft = replying && reply.trim() !== "";

  const threadId = thread.id;
  useEffect(() => onDrafting(threadId, hasDraft), [threadId, hasDraft, onDrafting]);
  useEffect(() => () => onDrafting(threadId, false), [threadId, onDrafting]);

  useEffect(() => {
    if (!focusTarget) return;
    (focusTarget === "reply" ? replyButton : selectButton).current?.focus();
    onFocused();
  }, [focusTarget, onFocused]);

  async function sendReply(e?: FormEvent) {
    e?.preventDefault();
    if (pending) return;
    if (reply.trim() === "") {
      setError("Write your reply first.");
      replyBox.current?.focus();
      return;
    }
    setPending("reply");
    setError(null);
    const res = await send(provider, () => provider.request("comment:reply", { threadId: thread.id, body: reply }));
    setPending(null);
    if (!res.ok) {
      setError(errorText(res.error.message));
      return;
    }
    setReply("");
    setReplying(false);
    announce("Reply posted.");
    // Back to where the user started the reply (after React has closed the form).
    requestAnimationFrame(() => replyButton.current?.focus());
  }

  async function setResolved(resolved: boolean) {
    if (pending) return;
    setPending("resolve");
    setError(null);
    const res = await send(provider, () => provider.request("comment:resolve", { threadId: thread.id, resolved }));
    setPending(null);
    if (!res.ok) setError(errorText(res.error.message));
    else announce(resolved ? "Thread resolved." : "Thread reopened.");
  }

  return (
    <li data-thread-id={thread.id}>
      <article
        aria-labelledby={`${id}-quote`}
        className={`space-y-3 rounded-lg border p-3 ${selected ? "border-sky-600 ring-2 ring-sky-600/25" : "border-slate-200"} ${thread.resolved ? "bg-slate-50" : "bg-white"}`}
      >
        <div className="space-y-2">
          <button
            ref={selectButton}
            type="button"
            id={`${id}-quote`}
            aria-current={selected || undefined}
            onClick={() => onChoose(thread.id)}
            className="block w-full rounded-md text-left hover:bg-slate-50"
          >
            {deleted ? (
              <span className="block text-sm text-slate-700">
                <span className="mr-2 inline-flex rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-700">on deleted text</span>
                <del className="font-serif">{shortQuote(thread.quote)}</del>
              </span>
            ) : (
              <span className="block border-l-4 border-amber-400 pl-2 font-serif text-base leading-snug text-slate-800" style={thread.visibility === "DELEGATION" ? { borderLeftColor: safeColour(thread.delegation?.colour) } : undefined}>
                <span className="sr-only">Show in text: </span>
                <q>{shortQuote(thread.quote)}</q>
              </span>
            )}
          </button>
          {(badge || thread.resolved) && (
            <p className="flex flex-wrap gap-1.5">
              {badge && (
                <span
                  className="inline-flex items-center gap-1 rounded-full border bg-white px-2 py-0.5 text-xs font-semibold"
                  style={{ borderColor: safeColour(thread.delegation?.colour), color: "#334155" }}
                >
                  <svg aria-hidden viewBox="0 0 20 20" className="h-3.5 w-3.5 fill-current">
                    <path d="M10 2a4 4 0 0 0-4 4v2H5a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V9a1 1 0 0 0-1-1h-1V6a4 4 0 0 0-4-4Zm-2 6V6a2 2 0 1 1 4 0v2H8Z" />
                  </svg>
                  {badge}
                </span>
              )}
              {thread.resolved && <span className="inline-flex rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-800 ring-1 ring-inset ring-emerald-200">Resolved</span>}
            </p>
          )}
        </div>

        {expanded ? (
          <ol aria-label="Comments in this thread" className="space-y-2.5">
            {thread.comments.map((c) => (
              <CommentItem key={c.id} comment={c} zone={zone} />
            ))}
          </ol>
        ) : null}

        <div className="flex flex-wrap items-center gap-2">
          {thread.resolved && (
            <button type="button" aria-expanded={showComments} onClick={() => setShowComments((v) => !v)} className={buttonSecondary}>
              {showComments ? "Hide comments" : `Show comments (${thread.comments.length})`}
            </button>
          )}
          {canWrite && (
            <>
              <button
                ref={replyButton}
                type="button"
                aria-expanded={replying}
                aria-controls={replying ? `${id}-reply` : undefined}
                onClick={() => {
                  if (replying) {
                    setReplying(false);
                    setError(null);
                    return;
                  }
                  setReplying(true);
                  if (thread.resolved) setShowComments(true);
                  requestAnimationFrame(() => replyBox.current?.focus());
                }}
                className={buttonSecondary}
              >
                Reply
              </button>
              <button type="button" aria-disabled={pending === "resolve" || undefined} onClick={() => void setResolved(!thread.resolved)} className={buttonSecondary}>
                {thread.resolved ? "Reopen" : "Resolve"}
              </button>
            </>
          )}
        </div>

        {replying && canWrite && (
          <form id={`${id}-reply`} onSubmit={sendReply} className="space-y-2">
            <div className="space-y-1">
              <label htmlFor={`${id}-reply-body`} className="block text-sm font-medium text-slate-800">
                Reply
              </label>
              <textarea
                ref={replyBox}
                id={`${id}-reply-body`}
                value={reply}
                rows={2}
                maxLength={MAX_COMMENT_CHARS}
                aria-describedby={`${id}-reply-hint`}
                aria-invalid={error ? true : undefined}
                onChange={(e) => setReply(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Escape" && reply === "") {
                    e.preventDefault();
                    setReplying(false);
                    replyButton.current?.focus();
                    return;
                  }
                  submitOnCtrlEnter(e, () => void sendReply());
                }}
                className={textarea}
              />
              <p id={`${id}-reply-hint`} className="text-xs text-slate-500">
                {thread.visibility === "DELEGATION" ? PRIVATE_MENTION_HINT : MENTION_HINT}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <button type="submit" aria-disabled={pending === "reply" || undefined} className={buttonPrimary}>
                {pending === "reply" ? "Sending…" : "Send reply"}
              </button>
              <button
                type="button"
                onClick={() => {
                  setReplying(false);
                  setReply("");
                  setError(null);
                  replyButton.current?.focus();
                }}
                className={buttonSecondary}
              >
                Cancel
              </button>
            </div>
          </form>
        )}

        {error && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
      </article>
    </li>
  );
});

function CommentItem({ comment, zone }: { comment: CommentView; zone: string }) {
  const d = comment.delegation;
  const colour = safeColour(d?.colour, "#94a3b8");
  const today = isSameLocalDay(comment.createdAt, new Date(), zone);
  return (
    <li className="border-l-4 pl-3" style={{ borderLeftColor: colour }}>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm">
        <span aria-hidden className="inline-block h-2.5 w-2.5 shrink-0 rounded-full" style={{ backgroundColor: colour }} />
        <span className="font-semibold text-slate-900">{comment.author.name}</span>
        <Affiliation>{d ? <span style={{ color: colour }}>{d.code}</span> : <span className="text-slate-600">Chair</span>}</Affiliation>
        <LocalTime at={comment.createdAt} zone={zone} format={today ? "time" : "date-time"} className="text-xs text-slate-500" />
      </p>
      <p className="mt-0.5 whitespace-pre-wrap break-words text-base text-slate-800">{comment.body}</p>
    </li>
  );
}

function Affiliation({ children }: { children: ReactNode }) {
  return <span className="text-xs font-semibold">{children}</span>;
}
