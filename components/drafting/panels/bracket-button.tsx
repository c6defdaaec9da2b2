"use client";
// "Bracket" beside "Comment": a delegation puts the passage selected in the text (within one
// paragraph) in square brackets at once — no confirmation step, as a delegate does by saying
// "we bracket this" on the floor. The reason can be written afterwards on the bracket's card.
// Shown only to whom the server would let place a bracket now; when nothing suitable is selected
// it stays focusable (aria-disabled) and says why. Results and refusals (PARAGRAPH_AGREED…) are
// said politely beside it; focus stays on the button.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useEditorState, type Editor } from "@tiptap/react";
import { anchorAt } from "@/components/editor/anchor-positions";
import { commentableRange } from "@/components/comments/thread-logic";
import { quoted } from "@/components/amendments/amendment-words";
import { mayPlaceBracket } from "@/lib/domain/drafting";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { sendDrafting } from "./send-drafting";
import { useRefusalText } from "./use-refusal-text";

const HINT_ID = "bracket-selection-hint";

type Props = { editor: Editor | null; provider: ProposalProvider };

export function BracketButton({ editor, provider }: Props) {
  // Keyed like the formatting toolbar: useEditorState reads a new editor only from its next transaction.
  return <Button key={editor ? "live" : "waiting"} editor={editor} provider={provider} />;
}

/** Whether this member may bracket at all now (a delegation, drafting open); the paragraph is checked on sending. */
function mayBracket(provider: ProposalProvider): boolean {
  const self = provider.self;
  if (!self || !provider.state) return false;
  return mayPlaceBracket({ userId: self.userId, role: self.role, delegationId: self.delegation?.id ?? null }, provider.state, "OPEN", 0).ok;
}

function Button({ editor, provider }: Props) {
  const t = useTranslations("drafting.bracketButton");
  const refusalText = useRefusalText();
  const canSelect = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? commentableRange(e.state) !== null : false),
  });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  if (!mayBracket(provider)) return null;
  const enabled = Boolean(editor && canSelect) && !busy;

  async function place() {
    if (!editor || !enabled) return;
    const { state } = editor;
    const range = commentableRange(state);
    const from = range ? anchorAt(state, range.from) : null;
    const to = range ? anchorAt(state, range.to) : null;
    if (!range || !from || !to) return;
    const passage = state.doc.textBetween(range.from, range.to, " ");
    setBusy(true);
    setMessage(null);
    const res = await sendDrafting(provider, "bracket:place", { from, to });
    setBusy(false);
    setMessage(
      res.ok
        ? { text: t("placed", { passage: quoted(passage, 60) }), isError: false }
        : { text: t("refused", { reason: refusalText(res) }), isError: true },
    );
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="rounded-lg border border-slate-200 bg-white/95 p-1 shadow-sm backdrop-blur">
        <button
          type="button"
          aria-disabled={!enabled || undefined}
          aria-describedby={enabled ? undefined : HINT_ID}
          title={enabled ? t("titleEnabled") : t("titleDisabled")}
          onMouseDown={(e) => {
            // Keep the text's selection while the request goes out.
            if (enabled) e.preventDefault();
          }}
          onClick={() => void place()}
          className="inline-flex h-9 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-disabled:cursor-not-allowed aria-disabled:text-slate-400 aria-disabled:hover:bg-transparent"
        >
          <span aria-hidden className="font-serif text-lg leading-none">
            [ ]
          </span>
          {t("label")}
        </button>
        <span id={HINT_ID} className="sr-only">
          {t("hint")}
        </span>
      </div>
      {/* Always present, so the message is announced when it appears. */}
      <span role="status" className={message ? `max-w-md text-sm ${message.isError ? "text-red-800" : "text-emerald-900"}` : "sr-only"}>
        {message?.text}
      </span>
    </div>
  );
}
