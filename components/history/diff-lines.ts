// A comparison's parts cut into the text's lines (one line = one paragraph, heading or list
// item), so the diff reads as paragraphs and the side-by-side columns line up row by row.
import type { DiffPart } from "@/lib/domain/text-diff";

/** A piece of a line; `isBreak` marks a paragraph break that was itself inserted or deleted. */
export type LinePiece = DiffPart & { isBreak?: boolean };

export function diffLines(parts: readonly DiffPart[]): LinePiece[][] {
  const lines: LinePiece[][] = [[]];
  for (const part of parts) {
    const pieces = part.text.split("\n");
    // A change that is nothing but a line break (a paragraph split or merged) would otherwise
    // be invisible: it gets a pilcrow at the end of the line where the break was.
    const isBareBreak = part.kind !== "equal" && pieces.length > 1 && part.text.trim() === "";
    pieces.forEach((text, i) => {
      if (i > 0) {
        if (isBareBreak) lines.at(-1)!.push({ ...part, text: "¶", isBreak: true });
        lines.push([]);
      }
      if (text.length > 0) lines.at(-1)!.push({ ...part, text });
    });
  }
  return lines;
}
