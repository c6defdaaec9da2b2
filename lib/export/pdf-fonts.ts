// The fonts the PDF export embeds: Noto Sans SC / JP / KR from the @expo-google-fonts packages
// (TrueType, so pdfkit subsets them and only the glyphs a document uses end up in the file).
// Never pdfkit's built-in Helvetica: it has no CJK and no Vietnamese.
//
// SC covers Latin, Vietnamese, ideographs and kana, so it is the default; KR is needed for
// Hangul; JP draws the ideographs of Japanese paragraphs (Japanese glyph shapes).

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { Script } from "./scripts.ts";

export type FontFamily = "sc" | "jp" | "kr";

const PACKAGES: Record<FontFamily, { pkg: string; file: string }> = {
  sc: { pkg: "@expo-google-fonts/noto-sans-sc", file: "NotoSansSC" },
  jp: { pkg: "@expo-google-fonts/noto-sans-jp", file: "NotoSansJP" },
  kr: { pkg: "@expo-google-fonts/noto-sans-kr", file: "NotoSansKR" },
};

/** The family that draws a run of `script` (Latin text and Chinese ideographs: SC). */
export function familyFor(script: Script): FontFamily {
  return script === "ja" ? "jp" : script === "ko" ? "kr" : "sc";
}

/**
 * Punctuation Noto Sans SC draws full-width (Chinese style: a middle dot, curly quotes and the
 * apostrophe, the bullet) and JP draws proportional. Among Latin text these come from JP, else
 * "don’t" prints as "don ’ t"; next to CJK text they stay full-width.
 */
export const PROPORTIONAL_IN_JP = /[\u00b7\u2018\u2019\u201c\u201d\u2022]/u;

/** pdfkit's registered name of a face ("noto-sc-700"). */
export function fontName(family: FontFamily, bold: boolean): string {
  return `noto-${family}-${bold ? 700 : 400}`;
}

const packageDirs = new Map<string, string>();

function packageDir(pkg: string): string {
  let dir = packageDirs.get(pkg);
  if (dir) return dir;
  try {
    // Inside a bundle `import.meta.url` or `resolve` may not be what Node gives; fall back below.
    const resolved = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
    if (typeof resolved === "string" && path.isAbsolute(resolved)) dir = path.dirname(resolved);
  } catch {
    // not resolvable from here: try the app's node_modules
  }
  if (!dir || !fs.existsSync(dir)) dir = path.join(process.cwd(), "node_modules", pkg);
  packageDirs.set(pkg, dir);
  return dir;
}

/** Absolute path of a face's TrueType file (not checked for existence). */
export function fontPath(family: FontFamily, bold: boolean): string {
  const { pkg, file } = PACKAGES[family];
  const weight = bold ? "700Bold" : "400Regular";
  return path.join(packageDir(pkg), weight, `${file}_${weight}.ttf`);
}

const buffers = new Map<string, Buffer>();

/** A face's bytes, read once per process and kept (only faces some document asked for). */
export function fontBuffer(family: FontFamily, bold: boolean): Buffer {
  const key = fontName(family, bold);
  let buf = buffers.get(key);
  if (buf) return buf;
  const file = fontPath(family, bold);
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(
      `PDF export: font file ${path.basename(file)} of package ${PACKAGES[family].pkg} not found at ${file}` +
        ` (${code ?? String(err)}); install ${PACKAGES[family].pkg}`,
    );
  }
  buffers.set(key, buf);
  return buf;
}

/** The fontkit font behind pdfkit's current font (private in pdfkit; only what we read). */
type Internals = { _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } } };

/** Which faces each document has registered already. */
const registered = new WeakMap<PDFKit.PDFDocument, Set<string>>();

/**
 * Makes a face the current font at `size`, registering it with the document the first time the
 * document uses it (the bytes come from the process-wide cache).
 */
export function useFont(doc: PDFKit.PDFDocument, family: FontFamily, bold: boolean, size: number): void {
  const name = fontName(family, bold);
  let names = registered.get(doc);
  if (!names) registered.set(doc, (names = new Set()));
  if (!names.has(name)) {
    doc.registerFont(name, fontBuffer(family, bold));
    names.add(name);
  }
  doc.font(name, size);
}

/** Whether the current font has a glyph for `ch` (true when pdfkit's internals are not as expected). */
export function currentFontHas(doc: PDFKit.PDFDocument, ch: string): boolean {
  const has = (doc as unknown as Internals)._font?.font?.hasGlyphForCodePoint;
  if (typeof has !== "function") return true;
  return has.call((doc as unknown as Internals)._font!.font, ch.codePointAt(0)!);
}
