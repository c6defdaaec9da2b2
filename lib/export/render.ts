// One door to the three renderers: the export worker (server/compute/export-worker.ts) calls it,
// and so do tests and benchmarks that want the same bytes without a thread.
import { renderDocx } from "./docx.ts";
import { renderMarkdown } from "./markdown.ts";
import type { ExportFormat } from "./formats.ts";
import type { ExportDoc, PaperSize } from "./model.ts";
import { pdfBuffer } from "./pdf.ts";


export type RenderJob = { format: ExportFormat; paper: PaperSize; doc: ExportDoc };

export async function renderExport(job: RenderJob): Promise<Uint8Array> {
  switch (job.format) {
    case "docx":
      return new Uint8Array(await renderDocx(job.doc, { paper: job.paper }));
    case "pdf":
      return new Uint8Array(await pdfBuffer(job.doc, { paper: job.paper }));
    case "md":
      return new TextEncoder().encode(renderMarkdown(job.doc));
  }
}
