"use client";
// The tab's own document read as paragraphs (lib/document/clauses.ts): their keys in text order,
// numbers and words, for the panels. Read again after changes to the document, at most once per
// THROTTLE_MS: typing sends an update per keystroke, and a walk of a long text on each is waste.
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { clauseUnits } from "@/lib/document/clauses";
import { indexParagraphs, type ParagraphIndex } from "./drafting-logic";

const THROTTLE_MS = 300;

function read(doc: Y.Doc): ParagraphIndex {
  return indexParagraphs(clauseUnits(doc));
}

export function useParagraphs(doc: Y.Doc): ParagraphIndex {
  const [index, setIndex] = useState(() => read(doc));
  useEffect(() => {
    setIndex(read(doc));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      // The first change schedules a read; later ones within the window are covered by it.
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        setIndex(read(doc));
      }, THROTTLE_MS);
    };
    doc.on("update", onUpdate);
    return () => {
      doc.off("update", onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  return index;
}
