// The outcome record (lib/domain/outcome-record.ts) as a document people read: per proposal its
// state, for an adopted one the adopted text and the vote that adopted it (with each delegation's
// choice for an open ballot), the version and chain hashes, and the record's hash in the footer.
// The JSON file is what verifies; this Word/PDF copy prints the same hashes so a reader can match
// the two.
import type { OutcomeEntry, OutcomeRecord } from "../domain/outcome-record.ts";
import { formatExportDate } from "./format-date.ts";
import { blocksOfPlainText } from "./from-yjs.ts";
import type { Block, ExportDoc, ExportWords } from "./model.ts";

/** The `exportFiles` catalogue in the reader's language (server/services/exports/export-words.ts). */
export type RecordWords = ((key: string, values?: Record<string, string | number>) => string) & { locale: string; words: ExportWords };

const text = (t: string) => [{ kind: "text" as const, text: t }];
const para = (t: string, style?: "note"): Block => (style ? { kind: "paragraph", style, inlines: text(t) } : { kind: "paragraph", inlines: text(t) });
const labelled = (label: string, value: string): Block => ({ kind: "paragraph", inlines: [{ kind: "text", text: `${label}: `, bold: true }, { kind: "text", text: value }] });

function entryBlocks(e: OutcomeEntry, index: number, timeZone: string, t: RecordWords, list: () => number): Block[] {
  const date = (iso: string) => formatExportDate(iso, timeZone, t.locale);
  const out: Block[] = [{ kind: "heading", level: 1, inlines: text(`${index + 1}. ${e.proposal.title}`) }];
  out.push(labelled(t("outcome.stateLabel"), t(`outcome.state.${e.proposal.state}`)));
  const v = e.version;
  if (v) {
    const what = e.proposal.state === "ADOPTED" ? t("outcome.versionAdopted") : t("outcome.newestVersion");
    out.push(labelled(what, v.label ? t("outcome.versionValueNamed", { number: v.number, label: v.label, date: date(v.createdAt) }) : t("outcome.versionValue", { number: v.number, date: date(v.createdAt) })));
    out.push(para(t("outcome.versionHashLine", { hash: v.hash }), "note"));
  } else out.push(labelled(t("outcome.textLabel"), t("outcome.noVersion")));
  const vote = e.vote;
  if (vote) {
    out.push({ kind: "heading", level: 2, inlines: text(e.proposal.state === "ADOPTED" ? t("outcome.voteThatAdopted") : t("outcome.lastVote")) });
    out.push(labelled(t("outcome.question"), vote.question));
    out.push(labelled(t("outcome.rule"), t("outcome.ruleValue", { rule: t(`outcome.rules.${vote.rule}`), quorum: vote.quorum, ballot: vote.isOpenBallot ? "open" : "secret" })));
    const outcome = t(`outcome.outcomes.${vote.outcome}`);
    out.push(labelled(t("outcome.result"), vote.totals ? t("outcome.totals", { outcome, yes: vote.totals.yes, no: vote.totals.no, abstain: vote.totals.abstain }) : outcome));
    out.push(labelled(t("outcome.votedOn"), vote.closedAt ? t("outcome.votedOnClosed", { number: vote.versionNumber, date: date(vote.closedAt) }) : t("outcome.votedOnOpened", { number: vote.versionNumber, date: date(vote.openedAt) })));
    if (vote.ballots.length > 0) {
      const id = list();
      for (const b of vote.ballots) out.push({ kind: "listItem", ordered: false, list: id, depth: 0, label: "•", inlines: text(`${b.delegation.name} (${b.delegation.code}): ${t(`outcome.choices.${b.choice}`)}`) });
    }
  }
  if (e.proposal.state === "ADOPTED" && v) {
    out.push({ kind: "heading", level: 2, inlines: text(t("outcome.adoptedText", { number: v.number })) });
    out.push(...blocksOfPlainText(v.text));
  }
  if (e.chainHead) out.push(para(t("outcome.chainHead", { number: e.chainHead.number, hash: e.chainHead.hash }), "note"));
  out.push(para(t("outcome.entryHash", { hash: e.entryHash }), "note"));
  return out;
}

export function outcomeDocument(record: OutcomeRecord, t: RecordWords): ExportDoc {
  const count = record.entries.length;
  const adopted = record.entries.filter((e) => e.proposal.state === "ADOPTED").length;
  let lists = 1;
  const blocks: Block[] = [para(t("outcome.intro", { count, adopted }), "note")];
  record.entries.forEach((e, i) => {
    if (i > 0) blocks.push({ kind: "rule" });
    blocks.push(...entryBlocks(e, i, record.workshop.timeZone, t, () => lists++));
  });
  return {
    meta: {
      workshop: record.workshop.title,
      title: t("outcome.title"),
      subtitle: t("outcome.subtitle", { count, adopted }),
      version: null,
      date: record.generatedAt,
      timeZone: record.workshop.timeZone,
      hashLabel: t("outcome.recordHash"),
      sha256: record.recordHash,
      locale: t.locale,
      words: t.words,
    },
    blocks,
    comments: [],
  };
}
