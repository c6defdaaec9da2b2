// The id of the visible sentence that says how to leave the text (Escape) and how Tab works in
// lists. Its own module: the toolbar shown before the editor loads must not pull TipTap in.
export const KEYBOARD_HINT_ID = "editor-keyboard-hint";
