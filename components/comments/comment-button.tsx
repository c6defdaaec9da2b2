"use client";
// "Comment" beside the formatting toolbar: opens the comment form for the selected passage.
// Usable while the text is locked or voting too (comments are, text changes are not). When the
// selection cannot be commented on it stays focusable (aria-disabled) and says why, so a
// keyboard user finds it and learns what to do; Ctrl+Alt+M in the text does the same.
import { useEditorState, type Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { COMMENT_BUTTON_ID, COMMENT_SHORTCUT_LABEL, mayComment, startCommentDraft } from "./comment-highlights";
import { commentableRange } from "./thread-logic";

const HINT_ID = "comment-selection-hint";

type Props = { editor: Editor | null; provider: ProposalProvider };

export function CommentButton({ editor, provider }: Props) {
  // Keyed like the formatting toolbar: useEditorState reads a new editor only from its next transaction.
  return <Button key={editor ? "live" : "waiting"} editor={editor} provider={provider} />;
}

function Button({ editor, provider }: Props) {
  const t = useTranslations("comments");
  const canSelect = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? commentableRange(e.state) !== null : false),
  });
  // Observers never write comments, and a decided proposal's comments are read-only.
  if (!mayComment(provider)) return null;
  const enabled = Boolean(editor && canSelect);

  return (
    <div className="rounded-lg border border-slate-200 bg-white/95 p-1 shadow-sm backdrop-blur">
      <button
        id={COMMENT_BUTTON_ID}
        type="button"
        aria-disabled={!enabled || undefined}
        aria-describedby={enabled ? undefined : HINT_ID}
        aria-keyshortcuts="Control+Alt+M"
        title={enabled ? t("button.title", { shortcut: COMMENT_SHORTCUT_LABEL }) : t("button.disabledTitle")}
        onMouseDown={(e) => {
          // Keep the text's selection visible while the form opens.
          if (enabled) e.preventDefault();
        }}
        onClick={() => {
          if (editor && enabled) startCommentDraft(editor.view);
        }}
        className="inline-flex h-9 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-disabled:cursor-not-allowed aria-disabled:text-slate-400 aria-disabled:hover:bg-transparent"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
          <path d="M5 5h14a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-7l-4 3.5V16H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Z" />
          <path d="M8 9.5h8M8 12.5h5" />
        </svg>
        {t("button.label")}
      </button>
      <span id={HINT_ID} className="sr-only">
        {t("button.hint")}
      </span>
    </div>
  );
}
