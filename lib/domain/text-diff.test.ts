import { describe, expect, it } from "vitest";
import { diffStats, diffTexts, tokenize, type AuthorRun } from "./text-diff";

const runs = (...r: Array<[number, string | null]>): AuthorRun[] => r.map(([length, author]) => ({ length, author }));

describe("tokenize", () => {
  it("splits Chinese and Japanese into dictionary words, not characters", () => {
    expect(tokenize("区域公共卫生合作机制")).toEqual(["区域", "公共", "卫生", "合作", "机制"]);
    expect(tokenize("地域協力を強化する")).toEqual(["地域", "協力", "を", "強化", "する"]);
  });
  it("keeps spaces and punctuation as their own tokens, so joining restores the text", () => {
    const text = "The Parties, noting −5.2 %, agree. 지역 협력을 강화한다.";
    expect(tokenize(text).join("")).toBe(text);
  });
});

describe("diffTexts", () => {
  it.each([
    ["identical", "Share data monthly.", "Share data monthly.", [{ kind: "equal", text: "Share data monthly." }]],
    [
      "one word inserted",
      "Share data monthly.",
      "Share health data monthly.",
      [
        { kind: "equal", text: "Share " },
        { kind: "insert", text: "health ", author: null },
        { kind: "equal", text: "data monthly." },
      ],
    ],
    [
      "a word replaced",
      "Meet monthly.",
      "Meet quarterly.",
      [
        { kind: "equal", text: "Meet " },
        { kind: "delete", text: "monthly" },
        { kind: "insert", text: "quarterly", author: null },
        { kind: "equal", text: "." },
      ],
    ],
    ["from empty", "", "New text", [{ kind: "insert", text: "New text", author: null }]],
    ["to empty", "Old text", "", [{ kind: "delete", text: "Old text" }]],
  ] as const)("%s", (_name, before, after, expected) => {
    expect(diffTexts(before, after)).toEqual({ level: "word", parts: expected });
  });

  it("diffs Chinese by words: one changed word, not a run of characters", () => {
    const { parts } = diffTexts("建立区域公共卫生合作机制", "建立区域经济合作机制");
    expect(parts).toEqual([
      { kind: "equal", text: "建立区域" },
      { kind: "delete", text: "公共卫生" },
      { kind: "insert", text: "经济", author: null },
      { kind: "equal", text: "合作机制" },
    ]);
  });

  it("attributes each inserted span to the delegation that wrote it, splitting where authors change", () => {
    // after = "Share [JPN:health ][KOR:and trade ]data."
    const after = "Share health and trade data.";
    const { parts } = diffTexts("Share data.", after, runs([6, "CHN"], [7, "JPN"], [10, "KOR"], [5, "CHN"]));
    expect(parts).toEqual([
      { kind: "equal", text: "Share " },
      { kind: "insert", text: "health ", author: "JPN" },
      { kind: "insert", text: "and trade ", author: "KOR" },
      { kind: "equal", text: "data." },
    ]);
    expect(diffStats(parts)).toEqual({ inserted: 3, deleted: 0 });
  });

  it("compares line by line: untouched lines stay whole, attribution positions cross lines", () => {
    const before = "Title\n1. Share data.\n2. Meet monthly.";
    const after = "Title\n1. Share data.\n2. Meet every month.\n3. Report yearly.";
    // KOR wrote line 3; JPN wrote "every month" in line 2.
    const runs = [
      { length: "Title\n1. Share data.\n2. Meet ".length, author: null },
      { length: "every month".length, author: "JPN" },
      { length: ".\n".length, author: null },
      { length: "3. Report yearly.".length, author: "KOR" },
    ];
    expect(diffTexts(before, after, runs).parts).toEqual([
      { kind: "equal", text: "Title\n1. Share data.\n2. Meet " },
      { kind: "delete", text: "monthly" },
      { kind: "insert", text: "every month", author: "JPN" },
      { kind: "equal", text: "." },
      { kind: "insert", text: "\n", author: null },
      { kind: "insert", text: "3. Report yearly.", author: "KOR" },
    ]);
  });

  it("counts words inserted and deleted, CJK included", () => {
    expect(diffStats(diffTexts("区域合作", "区域经济合作 and more").parts)).toEqual({ inserted: 3, deleted: 0 });
  });
});
