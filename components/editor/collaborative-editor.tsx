"use client";
// The TipTap editor bound to one provider's Y.Doc. Mounted only once that document has been
// synced, so the editor starts from the server's text and never writes an empty skeleton of
// its own into the shared document.
import type { ReactNode } from "react";
import { useEffect, useMemo } from "react";
import { EditorContent, useEditor } from "@tiptap/react";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { watchCaretActivity } from "./caret";
import { liveEditorExtensions } from "./editor-extensions";
import { KEYBOARD_HINT_ID, LEAVE_EDITOR_KEY } from "./leave-editor";
import { EditorToolbar } from "./editor-toolbar";
import { ProposalCard } from "./proposal-card";

const EDITOR_PROPS = {
  attributes: {
    "aria-label": "Proposal text",
    role: "textbox",
    "aria-multiline": "true",
    "aria-describedby": KEYBOARD_HINT_ID,
    "aria-keyshortcuts": LEAVE_EDITOR_KEY,
    class: "proposal-text live-editor",
  },
};

/** How to get out of the text by keyboard (Tab indents inside lists), shown under the toolbar. */
export function KeyboardHint() {
  return (
    <p id={KEYBOARD_HINT_ID} className="text-xs text-slate-500 print:hidden">
      <kbd className="rounded border border-slate-300 bg-white px-1 font-sans">Esc</kbd> leaves the text; in a list,{" "}
      <kbd className="rounded border border-slate-300 bg-white px-1 font-sans">Tab</kbd> indents.
    </p>
  );
}

type Props = {
  provider: ProposalProvider;
  fallback: ReactNode;
  /** Observers can never edit: no toolbar at all rather than a disabled one. */
  isObserver?: boolean;
  /** Shown in the sticky bar beside the toolbar (the save status), so it stays in view while typing. */
  status?: ReactNode;
};

export function CollaborativeEditor({ provider, fallback, isObserver = false, status }: Props) {
  const canEdit = provider.edit.canEdit;
  // The component is keyed by provider, so these are built once per editor.
  const extensions = useMemo(() => liveEditorExtensions(provider), [provider]);
  const editor = useEditor({
    // Rendered on the client only: the server has no Y.Doc (the fallback covers the gap).
    immediatelyRender: false,
    editable: canEdit,
    extensions,
    editorProps: EDITOR_PROPS,
  });

  useEffect(() => {
    // No "update" event: nothing in the text changed.
    if (editor && editor.isEditable !== canEdit) editor.setEditable(canEdit, false);
  }, [editor, canEdit]);

  useEffect(() => {
    // Other people's name flags fade when they stop moving their caret, and come back when they move.
    if (!editor) return;
    return watchCaretActivity(provider.awareness, editor.view.dom as HTMLElement);
  }, [editor, provider]);

  return (
    <div className="space-y-3">
      {!isObserver && (
        <div className="sticky top-2 z-10 space-y-1 print:hidden">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            {/* Keyed: useEditorState reads a newly created editor only from its next transaction,
                so the toolbar starts afresh once the editor exists (else it stays disabled). */}
            <EditorToolbar key={editor ? "live" : "waiting"} editor={editor} canEdit={canEdit} />
            {status}
          </div>
          {canEdit && <KeyboardHint />}
        </div>
      )}
      {!canEdit && <ReadOnlyNote reason={provider.edit.reason} />}
      <ProposalCard>{editor ? <EditorContent editor={editor} /> : fallback}</ProposalCard>
    </div>
  );
}

export function ReadOnlyNote({ reason }: { reason: string }) {
  return (
    <p role="status" className="flex items-center gap-2 rounded-md border print:hidden border-slate-200 bg-slate-100 px-3 py-2 text-sm text-slate-700">
      <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 shrink-0 fill-slate-500">
        <path d="M10 2a4 4 0 0 0-4 4v2H5a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V9a1 1 0 0 0-1-1h-1V6a4 4 0 0 0-4-4Zm-2 6V6a2 2 0 1 1 4 0v2H8Z" />
      </svg>
      {reason}
    </p>
  );
}
