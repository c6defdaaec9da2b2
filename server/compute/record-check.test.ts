import { afterAll, describe, expect, it } from "vitest";
import { sealOutcomeRecord, type OutcomeVersion } from "../../lib/domain/outcome-record.ts";
import { versionHash } from "../../lib/domain/version-chain.ts";
import { checkRecordText } from "./record-check.ts";
import { closeRecordPool, recordPool } from "./record-pool.ts";

function version(text: string): OutcomeVersion {
  const v = { proposalId: "p1", number: 1, kind: "AUTO" as const, label: null, text, contributors: [], authorId: null, createdAt: "2026-12-01T00:00:00.000Z", stateSha256: "0".repeat(64), prevHash: null };
  return { ...v, hash: versionHash({ ...v, createdAt: new Date(v.createdAt) }) };
}
const record = () =>
  sealOutcomeRecord({
    workshop: { id: "w1", title: "Workshop", timeZone: "UTC" },
    generatedAt: "2026-12-01T12:00:00.000Z",
    entries: [{ proposal: { id: "p1", title: "Item", position: 0, state: "DRAFTING" }, version: version("The adopted words."), vote: null, chainHead: { number: 1, hash: version("The adopted words.").hash } }],
  });

afterAll(() => closeRecordPool());

describe("checkRecordText", () => {
  it("says so when the file is not JSON", () => {
    expect(checkRecordText("{ not json")).toEqual({ kind: "not-json" });
  });

  it("checks the record's own hashes and hands back the record without its texts", () => {
    const checked = checkRecordText(JSON.stringify(record()));
    expect(checked.kind === "checked" && checked.report.intact).toBe(true);
    expect(checked.kind === "checked" && checked.record?.entries[0]?.version?.text).toBe("");
    expect(checked.kind === "checked" && checked.record?.entries[0]?.version?.hash).toBe(record().entries[0]!.version!.hash);
  });

  it("reports a tampered text at its entry and hands back no record", () => {
    const r = record();
    r.entries[0]!.version!.text = "Other words.";
    const checked = checkRecordText(JSON.stringify(r));
    expect(checked).toMatchObject({ kind: "checked", record: null, report: { intact: false, entry: 0, reason: "version-hash" } });
  });

  it("runs in the record worker thread", async () => {
    const checked = await recordPool().run(JSON.stringify(record()));
    expect(checked.kind === "checked" && checked.report.intact).toBe(true);
  });
});
