// A Compare between two versions as export blocks: equal text as it reads, insertions and
// deletions as tracked changes. Insertions carry the delegation whose Yjs client wrote them (the
// Compare's attribution); a deletion is not anyone's typing in the newer text, so it is credited
// to the comparison itself (`deletedBy`). Lines of the plain texts are the paragraphs.
import type { DiffPart } from "../domain/text-diff.ts";
import type { Block, Inline } from "./model.ts";

export function redlineBlocks(
  parts: readonly DiffPart[],
  opts: { authorName: (delegationId: string | null) => string; deletedBy: string; date: string },
): Block[] {
  const blocks: Block[] = [];
  let line: Inline[] = [];
  let id = 1;
  const push = (kind: DiffPart["kind"], text: string, author: string | null) => {
    if (text === "") return;
    if (kind === "equal") line.push({ kind: "text", text });
    else line.push({ kind, id: id++, author: kind === "insert" ? opts.authorName(author) : opts.deletedBy, date: opts.date, runs: [{ kind: "text", text }] });
  };
  for (const part of parts) {
    const lines = part.text.split("\n");
    for (const [i, piece] of lines.entries()) {
      if (i > 0) {
        blocks.push({ kind: "paragraph", inlines: line });
        line = [];
      }
      push(part.kind, piece, part.kind === "insert" ? part.author : null);
    }
  }
  blocks.push({ kind: "paragraph", inlines: line });
  return blocks;
}
