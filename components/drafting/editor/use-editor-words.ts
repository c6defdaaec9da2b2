"use client";
// Hands the editor's drafting marks the reader's words (editor-words.ts) and redraws them in
// those words: on the first render with an editor, and whenever the language changes.
import { useLayoutEffect } from "react";
import type { Editor } from "@tiptap/core";
import type { DraftingWords } from "../words";
import { draftingMarksKey } from "./drafting-marks";
import { setEditorWords } from "./editor-words";

export function useEditorWords(editor: Editor | null, words: DraftingWords): void {
  useLayoutEffect(() => {
    setEditorWords(words);
    if (!editor || editor.isDestroyed) return;
    // The widgets' keys carry the language: a redraw in new words draws them again.
    editor.view.dispatch(editor.state.tr.setMeta(draftingMarksKey, { rekey: true }).setMeta("addToHistory", false));
  }, [editor, words]);
}
