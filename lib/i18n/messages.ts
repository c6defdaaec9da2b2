// The message catalogues: one folder per language (messages/<locale>/), one JSON file per part
// of the interface (its namespace: messages/ja/votes.json is `votes.*`). Read from disk once per
// process (on every request in development, so edits show at once).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Locale } from "./locales.ts";

export type Messages = Record<string, unknown>;

const cache = new Map<Locale, Messages>();

export function messagesDir(): string {
  return join(/*turbopackIgnore: true*/ process.cwd(), "messages");
}

export function readCatalogue(locale: Locale, dir = messagesDir()): Messages {
  const folder = join(/*turbopackIgnore: true*/ dir, locale);
  const out: Messages = {};
  for (const file of readdirSync(folder).sort()) {
    if (!file.endsWith(".json")) continue;
    out[file.slice(0, -".json".length)] = JSON.parse(readFileSync(join(/*turbopackIgnore: true*/ folder, file), "utf8")) as unknown;
  }
  return out;
}

export function loadMessages(locale: Locale): Messages {
  if (process.env.NODE_ENV !== "production") return readCatalogue(locale);
  let m = cache.get(locale);
  if (!m) {
    m = readCatalogue(locale);
    cache.set(locale, m);
  }
  return m;
}
