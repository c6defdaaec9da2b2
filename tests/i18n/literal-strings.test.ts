import { describe, expect, it } from "vitest";
import { literalStrings } from "./literal-strings";

const texts = (src: string) => literalStrings("x.tsx", src).map((l) => l.text);

describe("literalStrings", () => {
  it.each([
    ["<p>Hello</p>", ["Hello"]],
    ["<p>{t('hello')}</p>", []],
    ["<p>{cond && 'Saved'}</p>", ["'Saved'"]],
    ["<p>{cond ? 'Yes' : t('no')}</p>", ["'Yes'"]],
    ["<p>{`Round ${n}`}</p>", ["`Round ${n}`"]],
    ["<p>{n} · {m}</p>", []],
    ["<p>Accord</p>", []],
    ["<p>¶{n}</p>", []],
    ['<button aria-label="Close">x</button>', ['"Close"', "x"]],
    ['<Form submitLabel="Save" name="title" type="submit" />', ['"Save"']],
    ['<input placeholder={t("name")} className="w-full" />', []],
    ['<div className="flex gap-2" data-x="abc" />', []],
    ["<p>中文</p>", ["中文"]],
    ["<p>{label ?? 'None'}</p>", ["'None'"]],
  ])("%s", (src, expected) => {
    expect(texts(`const x = () => (${src});`)).toEqual(expected);
  });
});
