"use client";
// The TipTap editor bound to one provider's Y.Doc. Mounted only once that document has been
// synced, so the editor starts from the server's text and never writes an empty skeleton of
// its own into the shared document.
import type { ReactNode } from "react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { EditorContent, useEditor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { watchCaretActivity } from "./caret";
import { liveEditorExtensions } from "./editor-extensions";
import { KEYBOARD_HINT_ID, LEAVE_EDITOR_KEY } from "./leave-editor";
import type { Say } from "./suggest/suggest-input";
import { ReadOnlyNote } from "./read-only-note";
import { LiveToolbar } from "./live-toolbar";
import { ProposalCard } from "./proposal-card";
import { CommentButton } from "@/components/comments/comment-button";
import { CommentsPanel } from "@/components/comments/comments-panel";
import { BracketButton } from "@/components/drafting/panels/bracket-button";
import { DraftingPanels } from "@/components/drafting/panels/drafting-panels";
import { AmendmentPreview } from "@/components/amendments/amendment-preview";
import { AmendmentsPanel } from "@/components/amendments/amendments-panel";
import { DraftRefusals } from "@/components/amendments/draft-refusals";
import { EditingModeControl, EditingModeNote, SuggestToggle } from "@/components/amendments/editing-mode";
import { useAmendments } from "@/components/amendments/use-amendments";
import type { AmendmentDrafts } from "@/lib/realtime/amendment-drafts";
import { CleanText } from "@/components/drafting/editor/clean-text";
import { TextViewToggle, type TextView } from "@/components/drafting/editor/text-view-toggle";

/** The editable text's attributes; its name is the one the read-only page always had ("Proposal text"). */
function editorProps(name: string) {
  return {
    attributes: {
      "aria-label": name,
      role: "textbox",
      "aria-multiline": "true",
      "aria-describedby": KEYBOARD_HINT_ID,
      "aria-keyshortcuts": LEAVE_EDITOR_KEY,
      class: "proposal-text live-editor",
    },
  };
}

/** How to get out of the text by keyboard (Tab indents inside lists), shown under the toolbar. */
export function KeyboardHint() {
  const t = useTranslations("editor");
  return (
    <p id={KEYBOARD_HINT_ID} className="text-xs text-slate-500 print:hidden">
      {t.rich("keyboardHint", { kbd: (chunks) => <kbd className="rounded border border-slate-300 bg-white px-1 font-sans">{chunks}</kbd> })}
    </p>
  );
}

/**
 * The editor's catalogue as a stable function: the editor's extensions are built once per
 * provider, yet their words (carets' flags, suggesting notices) follow the current language.
 */
export function useEditorWords(): Say {
  const t = useTranslations("editor");
  const current = useRef(t);
  useEffect(() => {
    current.current = t;
  }, [t]);
  return useCallback<Say>((key, values) => current.current(key, values), []);
}

type Props = {
  provider: ProposalProvider;
  fallback: ReactNode;
  /** Observers can never edit: no toolbar at all rather than a disabled one. */
  isObserver?: boolean;
  /** Shown in the sticky bar beside the toolbar (the save status), so it stays in view while typing. */
  status?: ReactNode;
  /** My amendments on their way to the server (kept by the page across editor remounts). */
  drafts: AmendmentDrafts;
  proposalId: string;
};

export function CollaborativeEditor({ provider, fallback, isObserver = false, status, drafts, proposalId }: Props) {
  const canEdit = provider.edit.canEdit;
  // Amendments: drawn in the text, proposed by typing while suggesting, listed under the text.
  const am = useAmendments(provider, drafts);
  const t = useTranslations("editor");
  const say = useEditorWords();
  // The component is keyed by provider, so these are built once per editor.
  const extensions = useMemo(() => liveEditorExtensions(provider, am.host, say), [provider, am.host, say]);
  const textName = t("proposalText");
  const props = useMemo(() => editorProps(textName), [textName]);
  const editor = useEditor({
    // Rendered on the client only: the server has no Y.Doc (the fallback covers the gap).
    immediatelyRender: false,
    editable: canEdit,
    extensions,
    editorProps: props,
  });

  useEffect(() => {
    // No "update" event: nothing in the text changed.
    if (editor && editor.isEditable !== canEdit) editor.setEditable(canEdit, false);
  }, [editor, canEdit]);

  // "Bracketed text" (the editor) or "Clean text" (a read-only reading without the bracketed passages).
  const [textView, setTextView] = useState<TextView>("bracketed");
  const showClean = textView === "clean" && am.preview === null;
  const { attach } = am;
  useEffect(() => attach(editor), [attach, editor]);
  const role = provider.self?.role ?? null;
  const isChair = role === "MODERATOR";

  useEffect(() => {
    // Other people's name flags fade when they stop moving their caret, and come back when they move.
    if (!editor) return;
    return watchCaretActivity(provider.awareness, editor.view.dom as HTMLElement);
  }, [editor, provider]);

  return (
    <div className="space-y-3">
      {!isObserver && (
        <div className="sticky top-2 z-10 space-y-1 rounded-lg bg-slate-50/95 backdrop-blur print:hidden">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            {/* Keyed: useEditorState reads a newly created editor only from its next transaction,
                so the toolbar starts afresh once the editor exists (else it stays disabled). */}
            {/* Formatting is not an amendment: off while suggesting. */}
            <LiveToolbar key={editor ? "live" : "waiting"} editor={editor} canEdit={canEdit && !am.suggesting} />
            <TextViewToggle view={textView} onChange={setTextView} />
            {/* Comment on the selected passage (also while locked or voting). */}
            <CommentButton editor={editor} provider={provider} />
            {/* Bracket the selected passage for one's delegation (components/drafting/panels). */}
            <BracketButton editor={editor} provider={provider} />
            {status}
          </div>
          {/* Editing mode: the chair switches it, everyone else reads it; "Suggest" for whoever types into the agreed text. */}
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            {isChair ? <EditingModeControl provider={provider} mode={am.mode} /> : role && <EditingModeNote mode={am.mode} role={role} />}
            {am.maySuggestByChoice && <SuggestToggle pressed={am.suggestPressed} onToggle={am.toggleSuggest} />}
          </div>
          {canEdit && <KeyboardHint />}
          {/* Why a keystroke did nothing while suggesting (typing across paragraphs, Cut…). */}
          <p role="status" className={am.notice ? "rounded-md border border-sky-200 bg-sky-50 px-3 py-1.5 text-sm text-sky-950" : "sr-only"}>
            {am.notice}
          </p>
          <DraftRefusals refusals={am.refusals} onDismiss={am.dismissRefusal} />
        </div>
      )}
      {isObserver && <EditingModeNote mode={am.mode} role="OBSERVER" />}
      {isObserver && <TextViewToggle view={textView} onChange={setTextView} />}
      {!canEdit && <ReadOnlyNote reason={provider.edit.reason} error={provider.lastError} />}
      <ProposalCard>
        {editor ? (
          <>
            {/* Kept mounted under a preview, so the editor (and the caret) is there when it returns. */}
            <div hidden={am.preview !== null || showClean}>
              <EditorContent editor={editor} />
            </div>
            {showClean && <CleanText editor={editor} />}
            {am.preview && <AmendmentPreview editor={editor} kind={am.preview} shown={am.shown} />}
          </>
        ) : (
          fallback
        )}
      </ProposalCard>
      {/* Reading, paragraph status, progress and brackets (components/drafting/panels). */}
      <DraftingPanels provider={provider} editor={editor} proposalId={proposalId} />
      <div className="grid gap-6 lg:grid-cols-2">
        <AmendmentsPanel
          provider={provider}
          editor={editor}
          drafts={drafts}
          proposalId={proposalId}
          shown={am.shown}
          selectedId={am.selectedId}
          onSelect={am.showInText}
          preview={am.preview}
          onPreview={am.setPreview}
        />
        <CommentsPanel provider={provider} editor={editor} />
      </div>
    </div>
  );
}

/** `reason` as the provider has it (English); `error`, the refusal it came from, if any. */
