// The live editor's extensions: the shared document schema, bound to the proposal's Y.Doc,
// with other people's carets and a key (Escape) that leaves the text.
import type { AnyExtension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { DOC_FIELD, documentExtensions } from "@/lib/document/schema";
import { awarenessUser } from "@/lib/realtime/awareness-user";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { caretRenderer, renderSelection } from "./caret";
import { KeepLocalCaret } from "./keep-local-caret";
import { LeaveEditor } from "./leave-editor";
import { commentHighlights } from "@/components/comments/comment-highlights";
import { AmendmentMarks } from "./suggest/amendment-marks";
import type { SuggestHost } from "./suggest/suggest-host";
import { SuggestInput, type Say } from "./suggest/suggest-input";
import { draftingExtensions } from "@/components/drafting/editor/drafting-extension";

/**
 * StarterKit's TrailingNode appends an empty paragraph whenever the text ends in a list (every
 * demo draft does). In a shared document that is a write nobody typed: each tab that opens the
 * text would add one, and for an observer the server refuses it, which would remount the
 * editor forever. The schema is unchanged by this; only that behaviour is switched off.
 */
function withoutTrailingNode(extensions: readonly AnyExtension[]): AnyExtension[] {
  return extensions.map((ext) => (ext.name === "starterKit" ? ext.configure({ trailingNode: false }) : ext));
}

/**
 * `suggest`: amendments drawn in the text, and typing that proposes them while suggesting (components/editor/suggest).
 * `say`: the editor's catalogue (editor.*) in the reader's language, for carets' flags and the suggesting notices.
 */
export function liveEditorExtensions(provider: ProposalProvider, suggest: SuggestHost | undefined, say: Say): AnyExtension[] {
  const self = provider.self;
  return [
    ...withoutTrailingNode(documentExtensions),
    Collaboration.configure({ document: provider.doc, field: DOC_FIELD }),
    CollaborationCaret.configure({
      provider,
      // The server re-stamps this for everyone else; set it locally so my own entry matches.
      user: self ? awarenessUser(self) : {},
      render: caretRenderer(say),
      selectionRender: renderSelection,
    }),
    KeepLocalCaret,
    // Escape leaves the text (Tab indents inside lists).
    LeaveEditor,
    // Comment threads' passages, drawn in the text (components/comments).
    commentHighlights(provider),
    // Open amendments drawn in the text; while suggesting, typing proposes them (components/editor/suggest).
    ...(suggest ? [AmendmentMarks.configure({ host: suggest, say }), SuggestInput.configure({ host: suggest, say })] : []),
    // Brackets, paragraph numbers and statuses, the reading; agreed paragraphs kept as agreed (components/drafting/editor).
    ...draftingExtensions(provider, suggest?.notice),
  ];
}
