// Which East Asian script a piece of text is in, so Word gets the right East Asian font and
// language per run and the PDF the right embedded font (Chinese and Japanese share ideographs
// but not glyph shapes: a paragraph with kana is Japanese, its ideographs too).

export type Script = "latin" | "zh" | "ja" | "ko";

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u;
const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/u;
// Ideographs, CJK punctuation and full-width forms: written with a CJK font whatever the language.
const CJK = /[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uff65\uffe0-\uffef\u{20000}-\u{3134f}]/u;

/** The CJK language a paragraph's ideographs should be shown in: kana → ja, Hangul → ko, else zh. */
export function paragraphScript(text: string): Exclude<Script, "latin"> {
  if (KANA.test(text)) return "ja";
  if (HANGUL.test(text)) return "ko";
  return "zh";
}

/** One character's script; ideographs and CJK punctuation take the paragraph's (`cjk`). */
export function charScript(ch: string, cjk: Exclude<Script, "latin">): Script {
  if (HANGUL.test(ch)) return "ko";
  if (KANA.test(ch)) return "ja";
  if (CJK.test(ch)) return cjk;
  return "latin";
}

/** Splits text into maximal runs of one script (spaces and digits stay with the run they are in). */
export function splitByScript(text: string, cjk: Exclude<Script, "latin"> = paragraphScript(text)): Array<{ text: string; script: Script }> {
  const out: Array<{ text: string; script: Script }> = [];
  for (const ch of text) {
    const s = /\s/u.test(ch) && out.length > 0 ? out.at(-1)!.script : charScript(ch, cjk);
    const last = out.at(-1);
    if (last && last.script === s) last.text += ch;
    else out.push({ text: ch, script: s });
  }
  return out;
}

/** BCP 47 tags for Word's run language and the PDF's /Lang. */
export const SCRIPT_LANG: Record<Exclude<Script, "latin">, string> = { zh: "zh-CN", ja: "ja-JP", ko: "ko-KR" };
