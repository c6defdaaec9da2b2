// The interface's languages stay complete: every catalogue has exactly the English one's keys,
// every message is valid ICU in its language with the same arguments as the English one, and no
// component renders an English string of its own (it comes from a catalogue, or it is data).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../lib/i18n/locales";
import { readCatalogue, type Messages } from "../../lib/i18n/messages";
import { literalStrings } from "./literal-strings";

const ROOT = join(import.meta.dirname, "..", "..");

function flatten(m: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(m as Messages)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else if (v && typeof v === "object") for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, `<not a message: ${JSON.stringify(v)}>`);
  }
  return out;
}

function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) out.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      out.add(e.value);
      for (const o of Object.values(e.options)) argumentsOf(o.value, out);
    }
    if (e.type === TYPE.tag) {
      out.add(`<${e.value}>`);
      argumentsOf(e.children, out);
    }
  }
  return out;
}

const english = flatten(readCatalogue("en"));

describe("message catalogues", () => {
  it("English has messages", () => {
    expect(english.size).toBeGreaterThan(50);
  });

  for (const locale of LOCALES) {
    const messages = flatten(readCatalogue(locale));
    it(`${locale}: the same keys as English, none missing, none extra`, () => {
      expect([...english.keys()].filter((k) => !messages.has(k))).toEqual([]);
      expect([...messages.keys()].filter((k) => !english.has(k))).toEqual([]);
    });
    it(`${locale}: every message is valid ICU with the English message's arguments`, () => {
      const problems: string[] = [];
      for (const [key, text] of messages) {
        try {
          const args = [...argumentsOf(parse(text))].sort();
          const en = english.get(key);
          if (en !== undefined) {
            const enArgs = [...argumentsOf(parse(en))].sort();
            if (args.join() !== enArgs.join()) problems.push(`${key}: arguments ${args.join()} ≠ English ${enArgs.join()}`);
          }
        } catch (e) {
          problems.push(`${key}: ${(e as Error).message}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith(".tsx") && !d.name.endsWith(".test.tsx"))
    .map((d) => join(d.parentPath, d.name));
}

describe("no literal strings in components", () => {
  it("every word a component shows comes from a catalogue", () => {
    const found = [...sources(join(ROOT, "app")), ...sources(join(ROOT, "components"))].flatMap((f) =>
      literalStrings(relative(ROOT, f), readFileSync(f, "utf8")).map((l) => `${l.file}:${l.line} ${l.text}`),
    );
    expect(found).toEqual([]);
  });
});
