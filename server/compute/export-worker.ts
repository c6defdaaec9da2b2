// The export worker thread: lays out Word and PDF files (and Markdown) from the export model.
// Off the main thread because layout grows with the text: a 100k-character PDF is a second or
// more of CPU, which on the event loop would stall every room's typing for that long.
import { renderExport, type RenderJob } from "../../lib/export/render.ts";
import { serveJobs } from "./worker-jobs.ts";

serveJobs(
  (job: RenderJob): Promise<Uint8Array> => renderExport(job),
  (bytes) => [bytes.buffer as ArrayBuffer],
);
