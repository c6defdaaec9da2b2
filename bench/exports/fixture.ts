// The exports benchmark's data: a 100,000-character proposal (headings, paragraphs, 60 numbered
// clauses, one paragraph in five in Chinese, Japanese or Korean) with what lies on a negotiated
// text — open amendments, brackets with options, public comment threads — in a real SQLite
// database, made through the same anchors a tab makes.
import * as Y from "yjs";
import { asBytes } from "../../lib/bytes.ts";
import type { Db } from "../../lib/db.ts";
import { anchorAt, textBlocks } from "../../lib/document/anchors.ts";
import { docFromState, stateFromPmJson, type PmJson } from "../../lib/document/convert.ts";

const WORDS =
  "the parties agree to strengthen regional cooperation on public health supply chains small enterprise finance and capital chain continuity through regular exchanges of information".split(" ");
const CJK = [
  "双方同意加强公共卫生领域的合作，维护产业链供应链稳定，支持中小企业融资。",
  "両国は公衆衛生の協力を強化し、サプライチェーンの安定と中小企業の資金繰りを支援する。",
  "양국은 공중보건 협력을 강화하고 공급망 안정과 중소기업 금융을 지원한다.",
];

function sentence(i: number, words: number): string {
  return Array.from({ length: words }, (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length]).join(" ") + ".";
}

/** A ProseMirror document of about `chars` characters. */
export function longDraft(chars: number): PmJson {
  const content: PmJson[] = [];
  const para = (text: string): PmJson => ({ type: "paragraph", content: [{ type: "text", text }] });
  let size = 0;
  let i = 0;
  const clauses: PmJson[] = [];
  while (size < chars) {
    if (i % 25 === 0) {
      const heading = `Part ${i / 25 + 1}: cooperation in practice`;
      content.push({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: heading }] });
      size += heading.length;
    }
    const text = i % 5 === 4 ? CJK[i % 3]!.repeat(4) : sentence(i, 60);
    if (i % 3 === 0 && clauses.length < 60) clauses.push({ type: "listItem", content: [para(text)] });
    else content.push(para(text));
    size += text.length;
    i++;
    if (clauses.length > 0 && (clauses.length % 20 === 0 || size >= chars)) {
      content.push({ type: "orderedList", attrs: { start: 1 }, content: clauses.splice(0) });
    }
  }
  if (clauses.length > 0) content.push({ type: "orderedList", attrs: { start: 1 }, content: clauses });
  return { type: "doc", content };
}

export type SeededText = { chars: number; amendments: number; brackets: number; threads: number };

/**
 * Stores the draft as the proposal's checkpoint and lays `amendments` amendments, `brackets`
 * brackets (two options each) and `threads` public threads (three comments each) over it.
 */
export async function seedNegotiatedText(
  db: Db,
  opts: { proposalId: string; chars: number; authorId: string; delegationIds: string[]; amendments: number; brackets: number; threads: number },
): Promise<SeededText> {
  const state = stateFromPmJson(longDraft(opts.chars));
  await db.documentCheckpoint.create({ data: { proposalId: opts.proposalId, state: asBytes(state) } });
  const doc = docFromState(state);
  const blocks = textBlocks(doc).filter((b) => b.length > 40);
  const chars = textBlocks(doc).reduce((n, b) => n + b.length, 0);
  const span = (k: number, from: number, len: number) => {
    const b = blocks[k % blocks.length]!;
    return { from: asBytes(anchorAt(b, from)), to: asBytes(anchorAt(b, from + len)), text: b.toString().slice(from, from + len) };
  };
  const delegation = (k: number) => opts.delegationIds[k % opts.delegationIds.length]!;
  for (let k = 0; k < opts.amendments; k++) {
    const s = span(k * 3, 4, 12);
    await db.amendment.create({ data: { proposalId: opts.proposalId, key: `bench-${k}`, authorId: opts.authorId, delegationId: delegation(k), anchorFrom: s.from, anchorTo: s.to, passage: s.text, insertText: "a revised wording" } });
  }
  for (let k = 0; k < opts.brackets; k++) {
    const s = span(k * 3 + 1, 20, 10);
    const b = await db.bracket.create({ data: { proposalId: opts.proposalId, clauseKey: "bench", anchorFrom: s.from, anchorTo: s.to, passage: s.text, placedById: opts.authorId, delegationId: delegation(k) } });
    for (const text of ["first alternative", "second alternative"]) await db.bracketOption.create({ data: { bracketId: b.id, text, authorId: opts.authorId, delegationId: delegation(k + 1) } });
  }
  for (let k = 0; k < opts.threads; k++) {
    const s = span(k * 3 + 2, 30, 8);
    const t = await db.commentThread.create({ data: { proposalId: opts.proposalId, authorId: opts.authorId, delegationId: delegation(k), anchorFrom: s.from, anchorTo: s.to, quote: s.text } });
    for (let c = 0; c < 3; c++) await db.comment.create({ data: { threadId: t.id, authorId: opts.authorId, delegationId: delegation(k + c), body: `Comment ${c + 1}: ${sentence(k + c, 20)}` } });
  }
  doc.destroy();
  return { chars, amendments: opts.amendments, brackets: opts.brackets, threads: opts.threads };
}

/** A Y.Doc's plain characters (what "100k characters" counts). */
export function charCount(doc: Y.Doc): number {
  return textBlocks(doc).reduce((n, b) => n + b.length, 0);
}
