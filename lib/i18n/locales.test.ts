import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveLocale } from "./locales.ts";

describe("negotiateLocale", () => {
  it.each([
    ["ja-JP,ja;q=0.9,en-US;q=0.8", "ja"],
    ["en-US,en;q=0.9", "en"],
    ["zh-TW,zh;q=0.9", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["ko-KR", "ko"],
    ["fr-FR,fr;q=0.9,ko;q=0.5,ja;q=0.4", "ko"],
    ["en;q=0.1,ja;q=0.9", "ja"],
    ["ja;q=0,en", "en"],
    ["fr,de", null],
    ["", null],
    ["*", null],
    ["ja;q=abc,ko", "ko"],
  ])("%s → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});

describe("resolveLocale", () => {
  it.each([
    [{ account: "ko", cookie: "ja", acceptLanguage: "zh-CN" }, "ko"],
    [{ account: null, cookie: "ja", acceptLanguage: "zh-CN" }, "ja"],
    [{ account: null, cookie: null, acceptLanguage: "zh-CN" }, "zh-CN"],
    [{ account: "xx", cookie: "yy", acceptLanguage: "de" }, "en"],
    [{ account: undefined, cookie: undefined, acceptLanguage: undefined }, "en"],
  ])("%j → %s", (input, locale) => {
    expect(resolveLocale(input)).toBe(locale);
  });
});
