// The words drawn inside the text (the margin's numbers and statuses, the brackets' titles, the
// agreed paragraph's notice), in the reader's language. The editor's plugins are made outside
// React, so the Drafting panels hand them the reader's words here (use-editor-words.ts) and redraw
// the text's marks when the language changes; until then, and in tests, the words are English.
import { ENGLISH_WORDS, type DraftingWords } from "../words";

let current: DraftingWords = ENGLISH_WORDS;

export function editorWords(): DraftingWords {
  return current;
}

export function setEditorWords(words: DraftingWords): void {
  current = words;
}
