// The outcome record (lib/domain/outcome-record.ts) as a document people read: per proposal its
// state, for an adopted one the adopted text and the vote that adopted it (with each delegation's
// choice for an open ballot), the version and chain hashes, and the record's hash in the footer.
// The JSON file is what verifies; this Word/PDF copy prints the same hashes so a reader can match
// the two.
import type { OutcomeEntry, OutcomeRecord } from "../domain/outcome-record.ts";
import { VOTE_OUTCOME_WORDS } from "../domain/vote-outcome.ts";
import type { ProposalState, VoteRule } from "../domain/vocabulary.ts";
import { formatExportDate } from "./format-date.ts";
import { blocksOfPlainText } from "./from-yjs.ts";
import type { Block, ExportDoc } from "./model.ts";

const STATE_WORDS: Record<ProposalState, string> = {
  DRAFTING: "Drafting",
  LOCKED: "Drafting locked",
  VOTING: "Being voted on",
  ADOPTED: "Adopted",
  WITHDRAWN: "Withdrawn",
};
const RULE_WORDS: Record<VoteRule, string> = { CONSENSUS: "Consensus", MAJORITY: "Simple majority", TWO_THIRDS: "Two-thirds majority" };
const CHOICE_WORDS = { YES: "Yes", NO: "No", ABSTAIN: "Abstain" } as const;

const text = (t: string) => [{ kind: "text" as const, text: t }];
const para = (t: string, style?: "note"): Block => (style ? { kind: "paragraph", style, inlines: text(t) } : { kind: "paragraph", inlines: text(t) });
const labelled = (label: string, value: string): Block => ({ kind: "paragraph", inlines: [{ kind: "text", text: `${label}: `, bold: true }, { kind: "text", text: value }] });

function entryBlocks(e: OutcomeEntry, index: number, timeZone: string, list: () => number): Block[] {
  const out: Block[] = [{ kind: "heading", level: 1, inlines: text(`${index + 1}. ${e.proposal.title}`) }];
  out.push(labelled("State", STATE_WORDS[e.proposal.state]));
  const v = e.version;
  if (v) {
    const what = e.proposal.state === "ADOPTED" ? "Version adopted" : "Newest version";
    out.push(labelled(what, `${v.number}${v.label ? ` “${v.label}”` : ""}, ${formatExportDate(v.createdAt, timeZone)}`));
    out.push(para(`Version hash (SHA-256): ${v.hash}`, "note"));
  } else out.push(labelled("Text", "no version yet"));
  const vote = e.vote;
  if (vote) {
    out.push({ kind: "heading", level: 2, inlines: text(e.proposal.state === "ADOPTED" ? "The vote that adopted it" : "Last vote") });
    out.push(labelled("Question", vote.question));
    out.push(labelled("Rule", `${RULE_WORDS[vote.rule]} · quorum ${vote.quorum} · ${vote.isOpenBallot ? "open ballot" : "secret ballot"}`));
    const totals = vote.totals ? ` · Yes ${vote.totals.yes} · No ${vote.totals.no} · Abstain ${vote.totals.abstain}` : "";
    out.push(labelled("Result", `${VOTE_OUTCOME_WORDS[vote.outcome]}${totals}`));
    out.push(labelled("Voted on", `version ${vote.versionNumber}, ${vote.closedAt ? `closed ${formatExportDate(vote.closedAt, timeZone)}` : `opened ${formatExportDate(vote.openedAt, timeZone)}`}`));
    if (vote.ballots.length > 0) {
      const id = list();
      for (const b of vote.ballots) out.push({ kind: "listItem", ordered: false, list: id, depth: 0, label: "•", inlines: text(`${b.delegation.name} (${b.delegation.code}): ${CHOICE_WORDS[b.choice]}`) });
    }
  }
  if (e.proposal.state === "ADOPTED" && v) {
    out.push({ kind: "heading", level: 2, inlines: text(`Adopted text (version ${v.number})`) });
    out.push(...blocksOfPlainText(v.text));
  }
  if (e.chainHead) out.push(para(`Chain head: version ${e.chainHead.number} · ${e.chainHead.hash}`, "note"));
  out.push(para(`Entry hash: ${e.entryHash}`, "note"));
  return out;
}

export function outcomeDocument(record: OutcomeRecord): ExportDoc {
  const adopted = record.entries.filter((e) => e.proposal.state === "ADOPTED").length;
  let lists = 1;
  const blocks: Block[] = [
    para(
      `${record.entries.length} proposal${record.entries.length === 1 ? "" : "s"}, ${adopted} adopted. Each entry is sealed with a hash that covers it and the entry before it; ` +
        "the JSON copy of this record can be checked by anyone against the workshop’s version history (npm run accord -- verify-record FILE.json).",
      "note",
    ),
  ];
  record.entries.forEach((e, i) => {
    if (i > 0) blocks.push({ kind: "rule" });
    blocks.push(...entryBlocks(e, i, record.workshop.timeZone, () => lists++));
  });
  return {
    meta: {
      workshop: record.workshop.title,
      title: "Outcome record",
      subtitle: `${record.entries.length} proposals · ${adopted} adopted`,
      version: null,
      date: record.generatedAt,
      timeZone: record.workshop.timeZone,
      hashLabel: "Record hash (SHA-256)",
      sha256: record.recordHash,
    },
    blocks,
    comments: [],
  };
}
