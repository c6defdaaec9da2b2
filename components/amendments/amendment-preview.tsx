"use client";
// "Preview: all accepted" / "Preview: original": the text read-only, as it would read with every
// open amendment accepted (in text order, skipping one that competes with an earlier one), or
// the agreed text with no marks at all. Built from the editor's own document (its structure:
// headings, lists, paragraphs) and where each amendment is drawn now; formatting (bold,
// italic) is not shown here.
import { Fragment, useMemo, type ReactNode } from "react";
import { useEditorState, type Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import type { Node as PmNode } from "@tiptap/pm/model";
import type { ShownAmendment } from "@/lib/realtime/amendment-drafts";
import { amendmentMarksState } from "@/components/editor/suggest/amendment-marks";
import { applyAmendments, locate, type PreviewEdit } from "./preview";

export type PreviewKind = "accepted" | "original";

/** Each preview's name (the toggle and the region): `amendments.previewLabel.<kind>`. */
export const PREVIEW_LABEL_KEY: Record<PreviewKind, string> = { accepted: "previewLabel.accepted", original: "previewLabel.original" };

type Blocks = { texts: string[]; starts: number[]; lengths: number[] };

function textBlocksOf(doc: PmNode): Blocks {
  const out: Blocks = { texts: [], starts: [], lengths: [] };
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // A line break (or any inline node) counts one position, so offsets match positions.
    out.texts.push(node.textBetween(0, node.content.size, null, "\n"));
    out.starts.push(pos + 1);
    out.lengths.push(node.content.size);
    return false;
  });
  return out;
}

function lines(text: string): ReactNode {
  const parts = text.split("\n");
  return parts.map((p, i) => (
    <Fragment key={i}>
      {i > 0 && <br />}
      {p}
    </Fragment>
  ));
}

/** The document's blocks as HTML, each text block's words taken from `texts` in order. */
function render(doc: PmNode, texts: readonly string[]): ReactNode {
  let next = 0;
  const walk = (node: PmNode, key: number): ReactNode => {
    if (node.isTextblock) {
      const content = lines(texts[next++] ?? "");
      if (node.type.name === "heading") {
        const level = Math.min(6, Math.max(2, Number(node.attrs.level) || 3));
        const H = `h${level}` as "h2";
        return <H key={key}>{content}</H>;
      }
      if (node.type.name === "codeBlock") return <pre key={key}>{content}</pre>;
      return <p key={key}>{content}</p>;
    }
    const children: ReactNode[] = [];
    node.forEach((child, _offset, i) => children.push(walk(child, i)));
    switch (node.type.name) {
      case "bulletList":
        return <ul key={key}>{children}</ul>;
      case "orderedList":
        return (
          <ol key={key} start={Number(node.attrs.start) || undefined}>
            {children}
          </ol>
        );
      case "listItem":
        return <li key={key}>{children}</li>;
      case "blockquote":
        return <blockquote key={key}>{children}</blockquote>;
      case "horizontalRule":
        return <hr key={key} />;
      default:
        return <Fragment key={key}>{children}</Fragment>;
    }
  };
  const top: ReactNode[] = [];
  doc.forEach((child, _offset, i) => top.push(walk(child, i)));
  return top;
}

export function AmendmentPreview({ editor, kind, shown }: { editor: Editor; kind: PreviewKind; shown: readonly ShownAmendment[] }) {
  const t = useTranslations("amendments");
  // The document and where each amendment is, read again on every change of either.
  const view = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ doc: e.state.doc, placed: amendmentMarksState(e.state)?.placed ?? null }),
    equalityFn: (a, b) => b !== null && a.doc === b.doc && a.placed === b.placed,
  });
  const result = useMemo(() => {
    const doc = view.doc;
    const blocks = textBlocksOf(doc);
    if (kind === "original") return { doc, texts: blocks.texts, skipped: 0, applied: 0 };
    const edits: PreviewEdit[] = [];
    for (const a of shown) {
      if (a.status !== "OPEN") continue;
      const range = view.placed?.get(a.id)?.range;
      const at = range ? locate(blocks.starts, blocks.lengths, range) : null;
      if (at) edits.push({ id: a.id, ...at, insert: a.insert });
    }
    const r = applyAmendments(blocks.texts, edits);
    return { doc, texts: r.texts, skipped: r.skipped.length, applied: r.applied.length };
  }, [view, kind, shown]);

  return (
    <section aria-label={t(PREVIEW_LABEL_KEY[kind])} className="space-y-4">
      <p className="rounded-md border border-violet-200 bg-violet-50 px-3 py-2 font-sans text-sm text-violet-950">
        {kind === "original"
          ? t("preview.original")
          : result.skipped > 0
            ? t("preview.acceptedWithSkipped", { applied: result.applied, skipped: result.skipped })
            : t("preview.accepted", { applied: result.applied })}
      </p>
      <div className="proposal-text">{render(result.doc, result.texts)}</div>
    </section>
  );
}
