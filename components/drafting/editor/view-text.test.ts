import { describe, expect, it } from "vitest";
import { bracketedText, cleanText, viewTexts, type BracketSpan } from "./view-text";

const THIRD = "The Parties shall establish a joint assessment mechanism within twelve months.";
const span = (text: string, passage: string, options: string[] = []): BracketSpan => {
  const from = text.indexOf(passage);
  return { from, to: from + passage.length, options };
};

describe("cleanText", () => {
  it.each([
    ["no brackets", "Plain text.", [], "Plain text."],
    ["before a full stop", THIRD, [span(THIRD, "within twelve months")], "The Parties shall establish a joint assessment mechanism."],
    ["between words", "a big dog", [{ from: 2, to: 5 }], "a dog"],
    ["at the start", "shall establish", [{ from: 0, to: 5 }], "establish"],
    ["at the end, after a space", "agree to this", [{ from: 9, to: 13 }], "agree to"],
    ["inside parentheses", "(see annex)", [{ from: 5, to: 10 }], "(see)"],
    ["after an opening parenthesis", "(annex one)", [{ from: 1, to: 6 }], "(one)"],
    ["before a comma", "firms, banks and states", [{ from: 5, to: 12 }], "firms and states"],
    ["nested brackets removed once", "one two three four", [{ from: 4, to: 13 }, { from: 8, to: 13 }], "one four"],
    ["overlapping brackets", "one two three four", [{ from: 4, to: 9 }, { from: 8, to: 14 }], "one four"],
    ["two brackets", "a b c d e", [{ from: 2, to: 3 }, { from: 6, to: 7 }], "a c e"],
    ["the whole paragraph", "all of it", [{ from: 0, to: 9 }], ""],
    ["an empty bracket changes nothing", "a b", [{ from: 1, to: 1 }], "a b"],
    ["out of range is clipped", "short", [{ from: 3, to: 99 }], "sho"],
    ["non-Latin text", "各締約国は十二か月以内に設置する。", [{ from: 5, to: 12 }], "各締約国は設置する。"],
  ])("%s", (_name, text, spans, expected) => {
    expect(cleanText(text as string, spans as BracketSpan[])).toBe(expected);
  });
});

describe("bracketedText", () => {
  it.each([
    ["no brackets", "Plain text.", [], "Plain text."],
    ["one bracket", THIRD, [span(THIRD, "within twelve months")], "The Parties shall establish a joint assessment mechanism [within twelve months]."],
    [
      "options after the passage",
      THIRD,
      [span(THIRD, "within twelve months", ["by the end of next year", "in due course"])],
      "The Parties shall establish a joint assessment mechanism [within twelve months / by the end of next year / in due course].",
    ],
    ["an empty passage with an option", "a b", [{ from: 2, to: 2, options: ["new"] }], "a [ / new]b"],
    ["adjacent brackets", "ab", [{ from: 0, to: 1 }, { from: 1, to: 2 }], "[a][b]"],
    ["nested, same start", "one two", [{ from: 0, to: 3 }, { from: 0, to: 7 }], "[[one] two]"],
    ["nested, same end", "one two", [{ from: 4, to: 7 }, { from: 0, to: 7 }], "[one [two]]"],
    ["nested inside", "a b c", [{ from: 0, to: 5 }, { from: 2, to: 3, options: ["x"] }], "[a [b / x] c]"],
  ])("%s", (_name, text, spans, expected) => {
    expect(bracketedText(text as string, spans as BracketSpan[])).toBe(expected);
  });
});

describe("viewTexts", () => {
  it("gives both views of a text, one line per paragraph", () => {
    const paragraphs = [
      { text: "The Parties recognise the disruption.", brackets: [] },
      { text: THIRD, brackets: [span(THIRD, "within twelve months", ["by the end of next year"])] },
    ];
    expect(viewTexts(paragraphs)).toEqual({
      clean: "The Parties recognise the disruption.\nThe Parties shall establish a joint assessment mechanism.",
      bracketed: "The Parties recognise the disruption.\nThe Parties shall establish a joint assessment mechanism [within twelve months / by the end of next year].",
    });
  });
});
