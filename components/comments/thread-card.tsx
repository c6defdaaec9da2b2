"use client";
// One thread in the Comments region: its passage and badges, its comments (folded away once
// resolved), and — for members who may write in it (lib/domain/comments.ts decides, so a button
// never offers what the server would refuse) — Reply, Resolve and Reopen. Focus stays where the
// user acted: after a reply it returns to Reply; the region keeps this card listed while it holds
// focus or an unsent reply (onDrafting), and may ask it to take focus (focusTarget).
import { memo, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useViewerZone } from "@/components/ui/viewer-zone";
import { announce } from "@/components/ui/announce";
import { buttonPrimary, buttonSecondary } from "@/components/ui/field";
import { MAX_COMMENT_CHARS, mayWriteInThread } from "@/lib/domain/comments";
import type { Participant, ThreadView } from "@/lib/protocol";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { submitOnCtrlEnter, textarea } from "./comment-box";
import { CommentItem } from "./comment-item";
import { sendComment, useRefusalText } from "./send-comment";
import { ThreadHeading } from "./thread-heading";
import { mentionHintKey, visibilityBadge } from "./thread-logic";
import type { FocusTarget } from "./use-thread-list";

export const ThreadCard = memo(function ThreadCard({
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
  /** Passed, not read from the provider, so the memoized card updates when it changes. */
  proposalState: ProposalProvider["state"];
  selected: boolean;
  focusTarget: FocusTarget | null;
  onFocused: () => void;
  onChoose: (threadId: string) => void;
  onDrafting: (threadId: string, has: boolean) => void;
}) {
  const t = useTranslations("comments");
  const refusalText = useRefusalText();
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

  const badge = visibilityBadge(t, thread, self?.delegation?.id ?? null);
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
      setError(t("thread.writeFirst"));
      replyBox.current?.focus();
      return;
    }
    setPending("reply");
    setError(null);
    const res = await sendComment(provider, () => provider.request("comment:reply", { threadId: thread.id, body: reply }));
    setPending(null);
    if (!res.ok) {
      setError(refusalText(res.error));
      return;
    }
    setReply("");
    setReplying(false);
    announce(t("thread.replyPosted"));
    // Back to where the user started the reply (after React has closed the form).
    requestAnimationFrame(() => replyButton.current?.focus());
  }

  async function setResolved(resolved: boolean) {
    if (pending) return;
    setPending("resolve");
    setError(null);
    const res = await sendComment(provider, () => provider.request("comment:resolve", { threadId: thread.id, resolved }));
    setPending(null);
    if (!res.ok) setError(refusalText(res.error));
    else announce(resolved ? t("thread.resolvedNotice") : t("thread.reopenedNotice"));
  }

  return (
    <li data-thread-id={thread.id}>
      <article
        aria-labelledby={`${id}-quote`}
        className={`space-y-3 rounded-lg border p-3 ${selected ? "border-sky-600 ring-2 ring-sky-600/25" : "border-slate-200"} ${thread.resolved ? "bg-slate-50" : "bg-white"}`}
      >
        <ThreadHeading
          thread={thread}
          deleted={deleted}
          selected={selected}
          badge={badge}
          quoteId={`${id}-quote`}
          buttonRef={selectButton}
          onChoose={onChoose}
        />

        {expanded ? (
          <ol aria-label={t("thread.commentsLabel")} className="space-y-2.5">
            {thread.comments.map((c) => (
              <CommentItem key={c.id} comment={c} zone={zone} />
            ))}
          </ol>
        ) : null}

        <div className="flex flex-wrap items-center gap-2">
          {thread.resolved && (
            <button type="button" aria-expanded={showComments} onClick={() => setShowComments((v) => !v)} className={buttonSecondary}>
              {showComments ? t("thread.hideComments") : t("thread.showComments", { count: thread.comments.length })}
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
                {t("thread.reply")}
              </button>
              <button type="button" aria-disabled={pending === "resolve" || undefined} onClick={() => void setResolved(!thread.resolved)} className={buttonSecondary}>
                {thread.resolved ? t("thread.reopen") : t("thread.resolve")}
              </button>
            </>
          )}
        </div>

        {replying && canWrite && (
          <form id={`${id}-reply`} onSubmit={sendReply} className="space-y-2">
            <div className="space-y-1">
              <label htmlFor={`${id}-reply-body`} className="block text-sm font-medium text-slate-800">
                {t("thread.replyLabel")}
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
                {t(mentionHintKey(thread.visibility))}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <button type="submit" aria-disabled={pending === "reply" || undefined} className={buttonPrimary}>
                {pending === "reply" ? t("thread.sending") : t("thread.send")}
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
                {t("thread.cancel")}
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
