"use client";
// The formatting toolbar bound to a live editor: the editor's state is read once per transaction
// into plain values, so the toolbar re-renders only when a button's state changes.
import { useEditorState, type Editor } from "@tiptap/react";
import { EditorToolbar, toolStates } from "./editor-toolbar";

export function LiveToolbar({ editor, canEdit }: { editor: Editor | null; canEdit: boolean }) {
  const state = useEditorState({ editor, selector: ({ editor: e }) => (e ? toolStates(e) : null) });
  return <EditorToolbar editor={editor} canEdit={canEdit} state={state} />;
}
