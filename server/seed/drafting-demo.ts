// The demo's reading in progress, on the SME text: China has bracketed "co-financing schemes",
// Japan offers "joint credit guarantee schemes" (Korea supports it), the first operative clause is
// Agreed and the fourth Parked — so a new visitor sees brackets, options and statuses at once.
// Written as the use cases would (rows, audit entries, the board's progress), inside the seed's
// transaction.
import * as Y from "yjs";
import type { Tx } from "../../lib/db.ts";
import { asBytes } from "../../lib/bytes.ts";
import { anchorAt, blockText, textBlocks } from "../../lib/document/anchors.ts";
import { clauseUnits, paragraphKeys, unitKeyOfText } from "../../lib/document/clauses.ts";
import { progressOf } from "../../lib/domain/drafting.ts";
import type { ClauseStatus } from "../../lib/domain/vocabulary.ts";

export const DEMO_BRACKET = { passage: "co-financing schemes", option: "joint credit guarantee schemes" } as const;

type People = { chairId: string | null; userOf: (email: string) => string; delegationOf: (code: string) => string };

export async function seedDraftingDemo(tx: Tx, doc: Y.Doc, at: { workshopId: string; proposalId: string }, people: People): Promise<void> {
  const { workshopId, proposalId } = at;
  const text = textBlocks(doc).find((t) => blockText(t).includes(DEMO_BRACKET.passage));
  const clauseKey = text ? unitKeyOfText(doc, text) : null;
  if (!text || !clauseKey) return;
  const from = blockText(text).indexOf(DEMO_BRACKET.passage);
  const china = people.userOf("china1@accord.example");
  const japan = people.userOf("japan1@accord.example");
  const chn = people.delegationOf("CHN");
  const jpn = people.delegationOf("JPN");
  const kor = people.delegationOf("KOR");

  const bracket = await tx.bracket.create({
    data: {
      proposalId,
      clauseKey,
      anchorFrom: asBytes(anchorAt(text, from)),
      anchorTo: asBytes(anchorAt(text, from + DEMO_BRACKET.passage.length)),
      passage: DEMO_BRACKET.passage,
      reason: "Our capital is still assessing the budgetary cost.",
      placedById: china,
      delegationId: chn,
      holders: { create: { delegationId: chn, userId: china } },
    },
  });
  const option = await tx.bracketOption.create({ data: { bracketId: bracket.id, text: DEMO_BRACKET.option, authorId: japan, delegationId: jpn } });
  await tx.optionSupport.createMany({
    data: [
      { optionId: option.id, delegationId: jpn, userId: japan },
      { optionId: option.id, delegationId: kor, userId: people.userOf("korea1@accord.example") },
    ],
  });
  const audit = (actorId: string | null, action: string, detail: object) => tx.auditEvent.create({ data: { workshopId, proposalId, actorId, action, detail: JSON.stringify(detail) } });
  await audit(china, "bracket.place", { bracketId: bracket.id, delegationId: chn, clauseKey, passage: DEMO_BRACKET.passage });
  await audit(japan, "bracket.option", { bracketId: bracket.id, optionId: option.id, delegationId: jpn, text: DEMO_BRACKET.option });

  // Statuses on the operative clauses (the list's items), by their opening words.
  const clauses = clauseUnits(doc).filter((u) => u.kind === "clause");
  const keys = paragraphKeys(doc);
  const statuses = new Map<string, ClauseStatus>();
  for (const [words, status] of [["Encourages", "AGREED"], ["Invites", "PARKED"]] as const) {
    const unit = clauses.find((u) => u.text.startsWith(words));
    if (!unit) continue;
    statuses.set(unit.key, status);
    await tx.clauseState.create({ data: { proposalId, clauseKey: unit.key, status, setById: people.chairId } });
    await audit(people.chairId, "clause.status", { clauseKey: unit.key, number: keys.indexOf(unit.key) + 1, from: "OPEN", to: status, awaiting: [] });
  }
  const { paragraphs, agreed, adReferendum, parked } = progressOf(keys, statuses, []);
  await tx.proposal.update({ where: { id: proposalId }, data: { progress: JSON.stringify({ paragraphs, agreed, adReferendum, parked }) } });
}
