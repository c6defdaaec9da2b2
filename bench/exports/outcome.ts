// The outcome-record part of the exports benchmark: a workshop of `proposals` decided or
// open proposals, each with a few versions (cut as the server cuts them, so the hash chain is
// real) and, for the adopted ones, a closed open-ballot round with every delegation's ballot.
import * as Y from "yjs";
import type { Db } from "../../lib/db.ts";
import { docFromState, stateFromPmJson } from "../../lib/document/convert.ts";
import { tally } from "../../lib/domain/tally.ts";
import { cutVersion, freezeText } from "../../server/services/history/cut-version.ts";
import { exportOutcomeRecord } from "../../server/services/exports/export-outcome.ts";
import { longDraft } from "./fixture.ts";

export type DecidedWorkshop = { workshopId: string; chairId: string; proposals: number; adopted: number; charsEach: number };

const CHOICES = ["YES", "YES", "ABSTAIN", "YES"] as const;

export async function seedDecidedWorkshop(db: Db, opts: { proposals: number; charsEach: number }): Promise<DecidedWorkshop> {
  const w = await db.workshop.create({ data: { title: "Outcome bench workshop", timeZone: "Asia/Seoul" } });
  const delegations = await Promise.all(
    [["China", "CHN"], ["Japan", "JPN"], ["Republic of Korea", "KOR"], ["ASEAN", "ASEAN"]].map(([name, code]) => db.delegation.create({ data: { workshopId: w.id, name: name!, code: code!, colour: "#334155" } })),
  );
  const chair = await db.user.create({ data: { email: "chair@outcome.bench", name: "Chair", passwordHash: "x" } });
  await db.member.create({ data: { workshopId: w.id, userId: chair.id, role: "MODERATOR" } });
  let adopted = 0;
  for (let i = 0; i < opts.proposals; i++) {
    const isAdopted = i % 4 !== 3;
    const p = await db.proposal.create({ data: { workshopId: w.id, title: `Item ${i + 1}: cooperation on topic ${i + 1}`, position: i, state: isAdopted ? "ADOPTED" : i % 8 === 3 ? "WITHDRAWN" : "DRAFTING" } });
    const doc = docFromState(stateFromPmJson(longDraft(opts.charsEach)));
    let last: { id: string; number: number } | null = null;
    for (let v = 0; v < 3; v++) {
      // Each version a little different, as a text changes between automatic versions.
      const para = new Y.XmlElement("paragraph");
      para.insert(0, [new Y.XmlText(`Revision ${v + 1} of this item.`)]);
      doc.getXmlFragment("default").insert(0, [para]);
      last = await cutVersion(db, { proposalId: p.id, workshopId: w.id, frozen: freezeText(doc), kind: v === 2 && isAdopted ? "VOTE" : "AUTO", label: null, authorId: chair.id, editors: new Set([delegations[v % 4]!.id]), now: new Date() });
    }
    doc.destroy();
    if (!isAdopted || !last) continue;
    adopted++;
    const result = tally("MAJORITY", 3, CHOICES);
    const round = await db.voteRound.create({
      data: { proposalId: p.id, versionId: last.id, question: "Does the workshop adopt this text?", rule: "MAJORITY", quorum: 3, isOpenBallot: true, status: "CLOSED", result: JSON.stringify(result), openedById: chair.id, closedAt: new Date(), stateBefore: "LOCKED" },
    });
    for (const [k, d] of delegations.entries()) await db.ballot.create({ data: { roundId: round.id, delegationId: d.id, choice: CHOICES[k]!, castById: chair.id } });
  }
  return { workshopId: w.id, chairId: chair.id, proposals: opts.proposals, adopted, charsEach: opts.charsEach };
}

export function timeOutcomeRecord(db: Db, w: DecidedWorkshop, format: "json" | "docx" | "pdf") {
  return exportOutcomeRecord({ db, userId: w.chairId, workshopId: w.workshopId, format, paper: "A4" });
}
