"use client";
// "Clean text": the live text as it would read if every open bracket fell — the bracketed
// passages removed, no options, no margin. Read-only and built from the editor's document and
// the brackets' positions on every change, so it stays live while the editor (kept mounted,
// hidden) stays connected.
import { Fragment, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useEditorState, type Editor } from "@tiptap/react";
import { cleanBlocks, type CleanBlock } from "./clean-blocks";
import { draftingMarksState } from "./drafting-marks";

function Block({ block }: { block: CleanBlock }): ReactNode {
  switch (block.kind) {
    case "p":
      return <p className="whitespace-pre-line">{block.text}</p>;
    case "h": {
      // The drafts use level 2 for the title and 3 for sections; the page's own h1 stays above.
      const Heading = (`h${Math.min(6, Math.max(2, block.level))}` as "h2");
      return <Heading>{block.text}</Heading>;
    }
    case "pre":
      return <pre className="whitespace-pre-wrap">{block.text}</pre>;
    case "hr":
      return <hr className="my-6 border-slate-200" />;
    case "quote":
      return (
        <blockquote className="border-l-4 border-slate-200 pl-4">
          <Blocks blocks={block.blocks} />
        </blockquote>
      );
    case "list": {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Blocks blocks={item} />
        </li>
      ));
      return block.ordered ? <ol start={block.start === 1 ? undefined : block.start}>{items}</ol> : <ul>{items}</ul>;
    }
  }
}

function Blocks({ blocks }: { blocks: readonly CleanBlock[] }) {
  return (
    <>
      {blocks.map((b, i) => (
        <Fragment key={i}>
          <Block block={b} />
        </Fragment>
      ))}
    </>
  );
}

export function CleanText({ editor }: { editor: Editor }) {
  const t = useTranslations("drafting.cleanText");
  // Recomputed per transaction while shown (a few hundred blocks: well under a millisecond);
  // React redraws only when the result differs (useEditorState compares deeply).
  const blocks = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const placed = draftingMarksState(e.state)?.placed;
      const ranges = placed ? [...placed.values()].flatMap((p) => (p.range ? [p.range] : [])) : [];
      return cleanBlocks(e.state.doc, ranges);
    },
  });
  return (
    <section aria-label={t("region")} className="proposal-text">
      <p className="mb-4 font-sans text-sm text-slate-600 print:hidden">{t("note")}</p>
      <Blocks blocks={blocks ?? []} />
    </section>
  );
}
