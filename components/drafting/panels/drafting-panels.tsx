"use client";
// Brackets, paragraph status, reading and progress beside the Amendments and Comments regions
// (mounted by the collaborative editor, which owns the provider and the editor). Reads the
// drafting state, the tab's own document as paragraphs and the caret's paragraph once, here, and
// hands each panel what it needs. Returns siblings, not one box, so the reading bar can stay at
// the bottom of the screen while the text above it scrolls (sticky within the editor's column).
import { useMemo } from "react";
import type { Editor } from "@tiptap/react";
import type { Actor } from "@/lib/domain/amendments";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { BracketsPanel } from "./brackets-panel";
import { ParagraphPanel } from "./paragraph-panel";
import { ProgressSummary } from "./progress-summary";
import { ReadingPanel } from "./reading-panel";
import { useCaretParagraph } from "./use-caret-paragraph";
import { useDelegationTags } from "./use-delegation-tags";
import { useDrafting } from "./use-drafting";
import { useParagraphs } from "./use-paragraphs";
import { useDraftingWords } from "../use-drafting-words";
import { useEditorWords } from "../editor/use-editor-words";

type Props = { provider: ProposalProvider; editor: Editor | null; proposalId: string };

export function DraftingPanels({ provider, editor, proposalId }: Props) {
  const { clauses, brackets, reading } = useDrafting(provider);
  // The margin, the brackets' titles and the agreed notice drawn in the text, in the reader's words.
  const words = useDraftingWords();
  useEditorWords(editor, words);
  const index = useParagraphs(provider.doc);
  const caretKey = useCaretParagraph(editor);
  const self = provider.self;
  const book = useDelegationTags(proposalId, brackets, self?.delegation ?? null);
  const actor: Actor | null = useMemo(() => (self ? { userId: self.userId, role: self.role, delegationId: self.delegation?.id ?? null } : null), [self]);
  const state = provider.state;
  const isReading = reading?.active === true;
  const currentKey = isReading ? (reading?.currentKey ?? null) : caretKey;

  return (
    <>
      <ReadingPanel provider={provider} reading={reading} index={index} actor={actor} state={state} />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="min-w-0 space-y-3">
          <ProgressSummary keys={index.keys} clauses={clauses} brackets={brackets} />
          <ParagraphPanel
            provider={provider}
            currentKey={currentKey}
            isReading={isReading}
            index={index}
            clauses={clauses}
            brackets={brackets}
            book={book}
            actor={actor}
            state={state}
          />
        </div>
        <BracketsPanel provider={provider} brackets={brackets} clauses={clauses} index={index} book={book} actor={actor} state={state} />
      </div>
    </>
  );
}
