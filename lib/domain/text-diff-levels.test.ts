// The comparison's budgets: word by word while it fits, then paragraphs, then the whole text —
// and at every level the parts still rebuild both versions exactly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_DIFF_BUDGET, diffTexts, tokenize, wholeReplacement, type DiffBudget, type DiffPart } from "./text-diff";

/** What the parts say each version was: equal + delete is the older text, equal + insert the newer. */
function rebuild(parts: readonly DiffPart[]): { before: string; after: string } {
  let before = "";
  let after = "";
  for (const p of parts) {
    if (p.kind !== "insert") before += p.text;
    if (p.kind !== "delete") after += p.text;
  }
  return { before, after };
}

/** `n` words drawn from a fixed vocabulary by a fixed rule (no randomness: the same text every run). */
function words(n: number, seed: number): string {
  const vocabulary = ["trade", "health", "data", "cities", "finance", "chain", "risk", "joint", "desk", "review", "annual", "regional", "supply", "small", "firms"];
  const out: string[] = [];
  for (let i = 0, x = seed; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(vocabulary[x % vocabulary.length]!);
  }
  return out.join(" ");
}

/** The same words with every `every`-th one replaced. */
function edited(text: string, every: number): string {
  return text
    .split(" ")
    .map((w, i) => (i % every === every - 1 ? "AMENDED" : w))
    .join(" ");
}

const paragraphs = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${i + 1}. The Parties ${word} clause ${i}.`).join("\n");

const TINY: DiffBudget = { maxWordTokens: 40, maxWordEdits: 10, maxLines: 6, maxLineEdits: 4 };

describe("diffTexts falls back level by level", () => {
  it.each([
    ["a small edit, tiny budget → word", "Meet monthly in Tokyo.", "Meet quarterly in Tokyo.", TINY, "word"],
    ["more tokens than the word level may read → paragraph", words(30, 1), edited(words(30, 1), 10), TINY, "paragraph"],
    ["more word edits than one stretch may need → paragraph", words(15, 2), words(15, 3), TINY, "paragraph"],
    ["more changed paragraphs than the paragraph level may compare → whole", paragraphs(4, "agree"), `Preamble.\n${paragraphs(3, "agree")}\nEnd.`, TINY, "whole"],
    ["many paragraphs, untouched at both ends → word", paragraphs(40, "agree"), paragraphs(40, "agree").replace("clause 20", "article 20"), TINY, "word"],
    ["identical texts, whatever their size → word", paragraphs(40, "agree"), paragraphs(40, "agree"), TINY, "word"],
    ["more paragraph edits than allowed → whole", paragraphs(3, "agree"), paragraphs(3, "decide"), TINY, "whole"],
    ["a small edit → word", "Share data monthly.", "Share health data monthly.", DEFAULT_DIFF_BUDGET, "word"],
    ["a 10,000-word paragraph with ten edits → word", words(10_000, 4), edited(words(10_000, 4), 1_000), DEFAULT_DIFF_BUDGET, "word"],
    ["a 10,000-word paragraph rewritten → paragraph", words(10_000, 5), words(10_000, 6), DEFAULT_DIFF_BUDGET, "paragraph"],
    ["thousands of paragraphs rewritten → whole", paragraphs(1_500, "agree"), paragraphs(1_500, "decide"), DEFAULT_DIFF_BUDGET, "whole"],
    ["a paragraph added at each end of 10,001 → whole", paragraphs(10_001, "agree"), `Preamble.\n${paragraphs(10_001, "agree")}\nEnd.`, DEFAULT_DIFF_BUDGET, "whole"],
    ["a paragraph added after 10,001 → word", paragraphs(10_001, "agree"), `${paragraphs(10_001, "agree")}\nEnd.`, DEFAULT_DIFF_BUDGET, "word"],
  ] as const)("%s", (_name, before, after, budget, level) => {
    const diff = diffTexts(before, after, [], budget);
    expect(diff.level).toBe(level);
    expect(rebuild(diff.parts)).toEqual({ before, after });
  });

  it("at paragraph level keeps untouched paragraphs whole and attributes an inserted paragraph", () => {
    const before = "Title\nShare data monthly.\nMeet in Tokyo.";
    const after = "Title\nShare health data every month.\nMeet in Tokyo.";
    const changed = "Share health data every month.\n";
    const runs = [
      { length: "Title\n".length, author: null },
      { length: changed.length, author: "JPN" },
      { length: "Meet in Tokyo.".length, author: "CHN" },
    ];
    const diff = diffTexts(before, after, runs, { ...TINY, maxWordEdits: 1 });
    expect(diff).toEqual({
      level: "paragraph",
      parts: [
        { kind: "equal", text: "Title\n" },
        { kind: "delete", text: "Share data monthly.\n" },
        { kind: "insert", text: changed, author: "JPN" },
        { kind: "equal", text: "Meet in Tokyo." },
      ],
    });
  });

  it("at whole level deletes all of the older text and inserts the newer, split by author", () => {
    const runs = [
      { length: 6, author: "KOR" },
      { length: 7, author: null },
    ];
    expect(diffTexts("a\nb\nc\nd", "Trade\nHealth", runs, { ...TINY, maxLines: 2 })).toEqual({
      level: "whole",
      parts: [
        { kind: "delete", text: "a\nb\nc\nd" },
        { kind: "insert", text: "Trade\n", author: "KOR" },
        { kind: "insert", text: "Health", author: null },
      ],
    });
    expect(wholeReplacement("", "")).toEqual([]);
  });

  it("compares a pasted paragraph of any size word by word: nothing on the other side to pair", () => {
    const pasted = words(40_000, 7);
    const diff = diffTexts("Intro.\nEnd.", `Intro.\n${pasted}\nEnd.`);
    expect(diff.level).toBe("word");
    expect(diff.parts).toEqual([
      { kind: "equal", text: "Intro.\n" },
      { kind: "insert", text: `${pasted}\n`, author: null },
      { kind: "equal", text: "End." },
    ]);
  });

  it("rebuilds both texts exactly at every level, for any texts and budgets", () => {
    const text = fc.stringMatching(/^[ab \n.区域合作]{0,40}$/);
    const budget = fc.record({
      maxWordTokens: fc.integer({ min: 0, max: 30 }),
      maxWordEdits: fc.integer({ min: 0, max: 10 }),
      maxLines: fc.integer({ min: 0, max: 8 }),
      maxLineEdits: fc.integer({ min: 0, max: 6 }),
    });
    fc.assert(
      fc.property(text, text, budget, (before, after, b) => {
        const diff = diffTexts(before, after, [{ length: 3, author: "CHN" }], b);
        expect(rebuild(diff.parts)).toEqual({ before, after });
      }),
      { numRuns: 500 },
    );
  });
});

describe("tokenize on long texts", () => {
  // Reference: one Intl.Segmenter call over the whole text (quadratic in Node 20, fine at this size).
  const whole = (text: string) => Array.from(new Intl.Segmenter(undefined, { granularity: "word" }).segment(text), (s) => s.segment);

  it.each([
    ["English", `${words(900, 8)}. ${words(900, 9)}`],
    ["Chinese", "建立区域公共卫生合作机制，加强信息共享。中小企业融资渠道需要畅通！".repeat(150)],
    ["Japanese", "地域協力を強化する。都市間の交流を進める、".repeat(200)],
    ["mixed, with figures and line breaks", "IMF: world −3 %, Japan −5.2 %, China +1 %.\n区域合作 don't stop; 지역 협력을 강화한다.\n".repeat(120)],
  ])("gives the same words as one pass over the whole text (%s)", (_name, text) => {
    expect(text.length).toBeGreaterThan(3_000);
    expect(tokenize(text)).toEqual(whole(text));
  });

  it("still joins back to the text when a run of letters has no boundary to cut at", () => {
    const text = `${"x".repeat(2_500)}😀${"y".repeat(700)}`;
    expect(tokenize(text).join("")).toBe(text);
  });
});
