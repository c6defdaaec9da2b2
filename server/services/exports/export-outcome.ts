// "Outcome record": the workshop's record as JSON (the file that verifies), Word or PDF (the
// same record laid out for reading). Who may: buildOutcomeRecord decides (chair and members;
// observers when the chair allows).
import type { Db } from "../../../lib/db.ts";
import { exportFileName } from "../../../lib/export/file-name.ts";
import type { PaperSize } from "../../../lib/export/model.ts";
import { outcomeDocument } from "../../../lib/export/outcome-document.ts";
import { CONTENT_TYPES } from "../../../lib/export/formats.ts";
import { renderOffThread } from "../../compute/export-pool.ts";
import { buildOutcomeRecord } from "../outcomes/build-outcome-record.ts";
import type { ExportFile } from "./export-proposal.ts";
import { exportTranslator } from "./export-words.ts";

export async function exportOutcomeRecord(opts: { db: Db; userId: string | null; workshopId: string; format: "json" | "docx" | "pdf"; paper: PaperSize; locale?: string }): Promise<ExportFile> {
  const record = await buildOutcomeRecord({ db: opts.db, userId: opts.userId, workshopId: opts.workshopId });
  const t = exportTranslator(opts.locale);
  const name = [record.workshop.title, t("outcome.fileName"), record.generatedAt.slice(0, 10)];
  if (opts.format === "json") {
    return { file: exportFileName(name, "json"), contentType: "application/json; charset=utf-8", bytes: new TextEncoder().encode(JSON.stringify(record, null, 2)) };
  }
  const bytes = await renderOffThread({ format: opts.format, paper: opts.paper, doc: outcomeDocument(record, t) });
  return { file: exportFileName(name, opts.format), contentType: CONTENT_TYPES[opts.format], bytes };
}
