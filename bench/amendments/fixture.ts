// The amendments benchmark's proposals, seeded through Prisma in the server process: a long text
// as paragraphs (and a heading every 20), version 1 "Starting draft", open amendments with real
// anchors (Yjs relative positions computed from the seeded Y.Doc, as a tab makes them), a few
// stances, and comment threads — everyone's and delegation-only — with a few comments each.
// Deterministic (a seeded PRNG): every run and every proposal gets the same text and annotations.
import * as Y from "yjs";
import type { Db } from "../../lib/db.ts";
import { asBytes } from "../../lib/bytes.ts";
import { anchorAt, blockText, textBlocks } from "../../lib/document/anchors.ts";
import { docFromState, stateFromPmJson, type PmJson } from "../../lib/document/convert.ts";
import { MAX_QUOTE_CHARS } from "../../lib/domain/comments.ts";
import { freezeText } from "../../server/services/history/cut-version.ts";
import type { BenchFixture } from "../fixture.ts";
import { addChair, delegatesByDelegation, idFrom, newProposal, prng } from "../shared-seed.ts";
import type { AnnotatedFixture, AnnotatedSetup, SeededAmendment } from "./protocol.ts";

const WORDS = (
  "the parties shall cooperate regional public health exchange mechanism within framework of member states ensure timely " +
  "sharing data surveillance capacity building emergency response coordination transparent procedures implementation review " +
  "annual report secretariat funding technical assistance consultation national authorities and to for in with on by measures " +
  "development protection access medical countermeasures supply chains resilience agreed principles mutual respect sovereignty " +
  "commitments voluntary basis where appropriate in accordance with domestic law relevant international organisations"
).split(" ");

const INSERTS = [
  "shall, where appropriate, cooperate",
  "in close consultation with the secretariat",
  "on a voluntary and mutually agreed basis",
  "including through technical assistance",
  "subject to their domestic law",
  "with due regard to national capacities",
];

const COMMENTS = [
  "Could the secretariat clarify the scope of this paragraph?",
  "We would prefer more flexible wording here.",
  "Agreed, subject to the legal review.",
  "This overlaps with the article on funding; suggest we merge them.",
  "Our capital has not yet cleared this language.",
];

/** At least `chars` characters of plausible treaty text: paragraphs of ~400 characters, a heading every 20. */
export function longText(chars: number): PmJson {
  const rnd = prng(17);
  const word = () => WORDS[Math.floor(rnd() * WORDS.length)]!;
  const sentence = () => {
    const n = 12 + Math.floor(rnd() * 13);
    const words = Array.from({ length: n }, word);
    return `${words[0]!.charAt(0).toUpperCase()}${words[0]!.slice(1)} ${words.slice(1).join(" ")}.`;
  };
  const content: PmJson[] = [];
  let total = 0;
  let paragraphs = 0;
  while (total < chars) {
    if (paragraphs % 20 === 0) {
      const title = `Article ${paragraphs / 20 + 1}. ${word()} ${word()}`;
      content.push({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: title }] });
      total += title.length;
    }
    let text = sentence();
    while (text.length < 380) text += ` ${sentence()}`;
    content.push({ type: "paragraph", content: [{ type: "text", text }] });
    total += text.length;
    paragraphs++;
  }
  return { type: "doc", content };
}

/** A word-aligned passage of about `length` characters starting near `at` (a fraction of the block). */
function passageIn(text: string, at: number, length: number): { from: number; to: number } {
  let from = Math.floor(text.length * at);
  while (from > 0 && text[from - 1] !== " ") from--;
  let to = Math.min(text.length, from + length);
  while (to < text.length && text[to] !== " ") to++;
  return { from, to };
}

export async function seedAnnotatedProposals(db: Db, base: BenchFixture, setup: AnnotatedSetup): Promise<AnnotatedFixture> {
  const t0 = performance.now();
  const { workshopId } = base;
  const chairId = await addChair(db, workshopId);
  const { delegations, delegateOf } = await delegatesByDelegation(db, workshopId, 2, "the amendments benchmark");

  const state = stateFromPmJson(longText(setup.chars));
  const doc = docFromState(state);
  const blocks = textBlocks(doc);
  const texts = blocks.map((b) => blockText(b));
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const paragraphs = blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.parent instanceof Y.XmlElement && b.parent.nodeName === "paragraph").map(({ i }) => i);
  // One amendment per paragraph, spread evenly over the text: no two compete.
  const amendmentBlocks = Array.from({ length: setup.amendments }, (_, n) => paragraphs[Math.floor((n * paragraphs.length) / Math.max(1, setup.amendments)) % paragraphs.length]!);
  const taken = new Set(amendmentBlocks);
  const freeBlocks = paragraphs.filter((i) => !taken.has(i));
  const frozen = freezeText(doc);

  const rnd = prng(42);
  const proposalIds: string[] = [];
  let firstAmendments: SeededAmendment[] = [];
  for (let p = 0; p < setup.proposals; p++) {
    const proposalId = await newProposal(db, { workshopId, chairId, title: `Annotated proposal ${p + 1}`, position: 100 + p, editingMode: setup.mode, state, frozen });
    proposalIds.push(proposalId);

    const amendments = amendmentBlocks.map((block, n) => {
      const d = n % delegations.length;
      const { from, to } = passageIn(texts[block]!, 0.3 + 0.4 * rnd(), 20 + Math.floor(rnd() * 30));
      const marker = `(amendment ${n + 1})`;
      return {
        id: idFrom(rnd),
        proposalId,
        key: `seed-amendment-${n + 1}`,
        authorId: delegateOf(d, n),
        delegationId: delegations[d]!,
        anchorFrom: asBytes(anchorAt(blocks[block]!, from)),
        anchorTo: asBytes(anchorAt(blocks[block]!, to)),
        passage: texts[block]!.slice(from, to),
        insertText: `${INSERTS[n % INSERTS.length]} ${marker}`,
        reason: n % 3 === 0 ? "For clarity and consistency with the article on funding." : null,
        marker,
        d,
      };
    });
    await db.amendment.createMany({ data: amendments.map(({ marker: _m, d: _d, ...row }) => row) });
    // A few stances, from delegations other than the proposing one.
    const stances = amendments.flatMap((a, n) => [
      ...(n % 3 === 0 ? [{ amendmentId: a.id, delegationId: delegations[(a.d + 1) % delegations.length]!, stance: "SUPPORT" as const, userId: delegateOf(a.d + 1, n) }] : []),
      ...(n % 5 === 0 ? [{ amendmentId: a.id, delegationId: delegations[(a.d + 2) % delegations.length]!, stance: "OBJECT" as const, userId: delegateOf(a.d + 2, n) }] : []),
    ]);
    await db.amendmentStance.createMany({ data: stances });
    if (p === 0) firstAmendments = amendments.map((a) => ({ id: a.id, key: a.key, marker: a.marker }));

    const threads = Array.from({ length: setup.threads }, (_, n) => {
      const block = n % blocks.length;
      const d = n % delegations.length;
      const { from, to } = passageIn(texts[block]!, rnd() * 0.8, 10 + Math.floor(rnd() * 60));
      const isDelegation = n % 5 >= 3;
      return {
        id: idFrom(rnd),
        proposalId,
        authorId: delegateOf(d, n),
        delegationId: delegations[d]!,
        visibility: isDelegation ? ("DELEGATION" as const) : ("EVERYONE" as const),
        anchorFrom: asBytes(anchorAt(blocks[block]!, from)),
        anchorTo: asBytes(anchorAt(blocks[block]!, to)),
        quote: texts[block]!.slice(from, to).slice(0, MAX_QUOTE_CHARS),
        resolvedAt: n % 10 === 9 ? new Date() : null,
        resolvedById: n % 10 === 9 ? delegateOf(d, n) : null,
        d,
      };
    });
    await db.commentThread.createMany({ data: threads.map(({ d: _d, ...row }) => row) });
    const comments = threads.flatMap((t, n) =>
      Array.from({ length: 1 + (n % 5) }, (_, c) => {
        // A delegation-only thread is a conversation inside that delegation; everyone's, across delegations.
        const d = t.visibility === "DELEGATION" ? t.d : t.d + c;
        return { threadId: t.id, authorId: delegateOf(d, n + c), delegationId: delegations[d % delegations.length]!, body: COMMENTS[(n + c) % COMMENTS.length]!, createdAt: new Date(Date.now() + c) };
      }),
    );
    await db.comment.createMany({ data: comments });
  }
  doc.destroy();

  const threadsVisibleTo: Record<string, number> = {};
  for (const [d, id] of delegations.entries()) {
    threadsVisibleTo[id] = Array.from({ length: setup.threads }, (_, n) => n).filter((n) => n % 5 < 3 || n % delegations.length === d).length;
  }
  return { chairId, proposalIds, amendments: firstAmendments, threadsVisibleTo, chars, blocks: blocks.length, freeBlocks, seedMs: performance.now() - t0 };
}
