import { describe, expect, it } from "vitest";
import { inlineText, type Block, type ChangeRun, type Inline } from "./model.ts";
import { redlineBlocks } from "./redline.ts";

const names: Record<string, string> = { d1: "Japan (JPN)" };
const opts = { authorName: (id: string | null) => (id ? (names[id] ?? "?") : "Unattributed"), deletedBy: "Compare v1 → v2", date: "2026-12-01T00:00:00.000Z" };
const inl = (b: Block) => (b as { inlines: Inline[] }).inlines;

describe("redlineBlocks", () => {
  it("splits the compared text into paragraphs at line ends, inside changes too", () => {
    const blocks = redlineBlocks(
      [
        { kind: "equal", text: "One\nTwo " },
        { kind: "insert", text: "new\nThree", author: "d1" },
        { kind: "delete", text: " old" },
      ],
      opts,
    );
    expect(blocks.map((b) => inlineText(inl(b), { withDeleted: true }))).toEqual(["One", "Two new", "Three old"]);
    expect(blocks.map((b) => inlineText(inl(b)))).toEqual(["One", "Two new", "Three"]);
  });

  it("credits insertions to their delegation and deletions to the comparison, with unique ids", () => {
    const [b] = redlineBlocks([{ kind: "insert", text: "a", author: "d1" }, { kind: "insert", text: "b", author: null }, { kind: "delete", text: "c" }], opts);
    const changes = inl(b!).filter((i): i is ChangeRun => i.kind === "insert" || i.kind === "delete");
    expect(changes.map((c) => [c.kind, c.author, c.id])).toEqual([
      ["insert", "Japan (JPN)", 1],
      ["insert", "Unattributed", 2],
      ["delete", "Compare v1 → v2", 3],
    ]);
  });
});
