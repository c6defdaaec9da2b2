// What the record worker does with an outcome record someone hands in: parse it and check its
// own hashes (lib/domain/outcome-record.ts). Both grow with the file (up to 50 MB of JSON and
// every text hashed), so they run in the worker; the answer carries the record without its texts,
// which is all the history check on the main thread reads (numbers and hashes).
import { verifyRecord, type OutcomeRecord, type VerifyReport } from "../../lib/domain/outcome-record.ts";

export type RecordCheck = { kind: "not-json" } | { kind: "checked"; report: VerifyReport; record: OutcomeRecord | null };

export function checkRecordText(text: string): RecordCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: "not-json" };
  }
  const report = verifyRecord(parsed);
  if (!report.intact) return { kind: "checked", report, record: null };
  const r = parsed as OutcomeRecord;
  return { kind: "checked", report, record: { ...r, entries: r.entries.map((e) => (e.version ? { ...e, version: { ...e.version, text: "" } } : e)) } };
}
