// The brackets benchmark's proposals, seeded through Prisma (in the server process, or before a
// production server starts for the browser part): a text of `chars` characters in `paragraphs`
// paragraphs (no headings, so every block is a counted paragraph), version 1 "Starting draft",
// and on the bracketed proposal
//   - an open bracket in every other paragraph from the first (paragraphs 1, 3, 5… in the text's
//     numbering), each over a word-aligned passage of 20–50 characters, with real anchors (Yjs
//     relative positions computed from the seeded Y.Doc, as a tab makes them), placed by one
//     delegation, held by 1–3 (placing one first), a reason on every third;
//   - `optionsPerBracket` options per bracket ("option 2", "option 3"), each proposed by another
//     delegation and supported by 1–2;
//   - ClauseState rows for some paragraphs (keys from paragraphKeys on the seeded doc): Agreed
//     and Agreed ad referendum only where no bracket is (maySetStatus refuses agreeing a
//     paragraph with open brackets), ad referendum awaiting two capitals (one confirmed), and
//     Parked on some bracketed ones.
// The plain proposal is the same text with nothing else (the typing baseline).
// Deterministic (a seeded PRNG): every run gets the same text, passages and annotations.
import type { Db } from "../../lib/db.ts";
import type { Prisma } from "../../lib/generated/sqlite/client.ts";
import { asBytes } from "../../lib/bytes.ts";
import { anchorAt, blockText } from "../../lib/document/anchors.ts";
import { clauseUnits } from "../../lib/document/clauses.ts";
import { docFromState, stateFromPmJson, type PmJson } from "../../lib/document/convert.ts";
import type { ClauseStatus } from "../../lib/domain/vocabulary.ts";
import * as Y from "yjs";
import { freezeText } from "../../server/services/history/cut-version.ts";
import type { BenchFixture } from "../fixture.ts";
import { addChair, delegatesByDelegation, idFrom, newProposal, prng } from "../shared-seed.ts";
import type { BracketsFixture, BracketsSetup, SeededParagraph } from "./protocol.ts";

const WORDS = (
  "the parties shall cooperate regional supply chain resilience exchange mechanism within framework of member states ensure timely " +
  "sharing information early warning shortages essential goods capacity building emergency response coordination transparent procedures " +
  "implementation review annual report secretariat funding technical assistance consultation national authorities and to for in with on by " +
  "measures development diversification suppliers logistics ports customs facilitation agreed principles mutual respect commitments voluntary basis " +
  "where appropriate in accordance with domestic law relevant international organisations"
).split(" ");

const OPTIONS = [
  "by the end of next year",
  "as soon as practicable",
  "on a voluntary basis",
  "subject to national legislation",
  "in consultation with the private sector",
  "within existing resources",
  "with the support of the secretariat",
  "where capacities allow",
];

const REASONS = ["Our capital has not cleared this wording.", "Pending the legal review.", "Timeline to be discussed with ministries."];

/** `paragraphs` paragraphs sharing `chars` characters about evenly (each ends at a full word). */
export function paragraphsText(chars: number, paragraphs: number): PmJson {
  const rnd = prng(18);
  const word = () => WORDS[Math.floor(rnd() * WORDS.length)]!;
  const content: PmJson[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const target = Math.floor(((p + 1) * chars) / paragraphs) - Math.floor((p * chars) / paragraphs) - 1;
    const first = word();
    let text = `${first.charAt(0).toUpperCase()}${first.slice(1)}`;
    while (text.length < target) text += rnd() < 0.08 ? `. ${word().replace(/^./, (c) => c.toUpperCase())}` : ` ${word()}`;
    content.push({ type: "paragraph", content: [{ type: "text", text: `${text}.` }] });
  }
  return { type: "doc", content };
}

/** A word-aligned passage of about `length` characters starting near `at` (a fraction of the block). */
function passageIn(text: string, at: number, length: number): { from: number; to: number } {
  let from = Math.floor(text.length * at);
  while (from > 0 && text[from - 1] !== " ") from--;
  let to = Math.min(text.length, from + length);
  while (to < text.length && text[to] !== " " && text[to] !== ".") to++;
  return { from, to };
}

/** The seeded status of paragraph `i` (0-based): agreed ones have no bracket (odd i), parked ones may. */
function statusOf(i: number): ClauseStatus {
  if (i % 2 === 1) {
    if (i % 4 === 1) return "AGREED";
    if (i % 8 === 3) return "AGREED_AD_REFERENDUM";
    return "OPEN";
  }
  return i % 10 === 4 ? "PARKED" : "OPEN";
}

export async function seedBracketedProposals(db: Db, base: BenchFixture, setup: BracketsSetup): Promise<BracketsFixture> {
  const t0 = performance.now();
  const { workshopId } = base;
  const chairId = await addChair(db, workshopId);
  const { delegations, delegationAt, delegateOf } = await delegatesByDelegation(db, workshopId, 3, "the brackets benchmark");
  const D = delegations.length;

  const state = stateFromPmJson(paragraphsText(setup.chars, setup.paragraphs));
  const doc = docFromState(state);
  const units = clauseUnits(doc).filter((u) => u.counted);
  const chars = units.reduce((n, u) => n + u.text.length, 0);
  const frozen = freezeText(doc);

  const out: BracketsFixture = {
    chairId,
    workshopId,
    bracketedId: null,
    plainId: null,
    delegationIds: delegations,
    paragraphs: [],
    chars,
    paragraphCount: units.length,
    brackets: 0,
    options: 0,
    supports: 0,
    holders: 0,
    clauseStates: 0,
    adReferendum: 0,
    seedMs: 0,
  };

  if (setup.plain) out.plainId = await newProposal(db, { workshopId, chairId, title: "Plain text (no brackets)", position: 200, state, frozen });

  if (setup.bracketed) {
    const proposalId = await newProposal(db, { workshopId, chairId, title: "Bracketed text", position: 100, state, frozen });
    out.bracketedId = proposalId;
    const rnd = prng(42);
    // One bracket per paragraph, every other paragraph from the first: no two overlap.
    const bracketed = new Set(Array.from({ length: Math.min(setup.brackets, Math.ceil(units.length / 2)) }, (_, n) => 2 * n));
    if (bracketed.size < setup.brackets) throw new Error(`${setup.brackets} brackets need ${2 * setup.brackets - 1} paragraphs, the text has ${units.length}`);
    const base = Date.now() - 3_600_000;
    const brackets: Prisma.BracketCreateManyInput[] = [];
    const holders: Array<{ bracketId: string; delegationId: string; userId: string; createdAt: Date }> = [];
    const options: Array<{ id: string; bracketId: string; text: string; authorId: string; delegationId: string; createdAt: Date }> = [];
    const supports: Array<{ optionId: string; delegationId: string; userId: string; createdAt: Date }> = [];
    let n = 0;
    for (const [i, unit] of units.entries()) {
      if (!bracketed.has(i)) continue;
      const text = unit.element.get(0);
      if (!(text instanceof Y.XmlText)) throw new Error(`paragraph ${i + 1} has no text node`);
      const s = blockText(text);
      const { from, to } = passageIn(s, 0.2 + 0.5 * rnd(), 20 + Math.floor(rnd() * 30));
      const d = n % D;
      const id = idFrom(rnd);
      const at = (k: number) => new Date(base + n * 10_000 + k * 1000);
      brackets.push({
        id,
        proposalId,
        clauseKey: unit.key,
        anchorFrom: asBytes(anchorAt(text, from)),
        anchorTo: asBytes(anchorAt(text, to)),
        passage: s.slice(from, to),
        reason: n % 3 === 0 ? REASONS[n % REASONS.length]! : null,
        placedById: delegateOf(d, n),
        delegationId: delegationAt(d),
        status: "OPEN",
        createdAt: at(0),
      });
      // Held by the placing delegation, and by one or two more on some.
      const holding = 1 + (n % 3);
      for (let h = 0; h < holding; h++) holders.push({ bracketId: id, delegationId: delegationAt(d + h), userId: delegateOf(d + h, n), createdAt: at(h) });
      for (let o = 0; o < setup.optionsPerBracket; o++) {
        const od = d + 1 + o;
        const optionId = idFrom(rnd);
        options.push({ id: optionId, bracketId: id, text: OPTIONS[(n + o) % OPTIONS.length]!, authorId: delegateOf(od, n), delegationId: delegationAt(od), createdAt: at(3 + o) });
        supports.push({ optionId, delegationId: delegationAt(od), userId: delegateOf(od, n), createdAt: at(3 + o) });
        if ((n + o) % 2 === 0) supports.push({ optionId, delegationId: delegationAt(od + 1), userId: delegateOf(od + 1, n), createdAt: at(5 + o) });
      }
      n++;
    }
    await db.bracket.createMany({ data: brackets });
    await db.bracketHolder.createMany({ data: holders });
    await db.bracketOption.createMany({ data: options });
    await db.optionSupport.createMany({ data: supports });

    // Paragraph statuses (no row: Open).
    const paragraphs: SeededParagraph[] = units.map((u, i) => ({ key: u.key, status: statusOf(i), bracketed: bracketed.has(i) }));
    let adReferendum = 0;
    for (const p of paragraphs) {
      if (p.status === "OPEN") continue;
      const row = await db.clauseState.create({ data: { proposalId, clauseKey: p.key, status: p.status, setById: chairId }, select: { id: true } });
      if (p.status === "AGREED_AD_REFERENDUM") {
        await db.clauseCapital.createMany({
          data: [
            { clauseStateId: row.id, delegationId: delegationAt(adReferendum), confirmedAt: new Date(), confirmedById: delegateOf(adReferendum, 0) },
            { clauseStateId: row.id, delegationId: delegationAt(adReferendum + 1), confirmedAt: null, confirmedById: null },
          ],
        });
        adReferendum++;
      }
    }
    Object.assign(out, {
      paragraphs,
      brackets: brackets.length,
      options: options.length,
      supports: supports.length,
      holders: holders.length,
      clauseStates: paragraphs.filter((p) => p.status !== "OPEN").length,
      adReferendum,
    });
  }
  doc.destroy();
  out.seedMs = performance.now() - t0;
  return out;
}
