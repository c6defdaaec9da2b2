// The import worker thread: turns pasted text or an imported file into a starting draft's Yjs
// state. Off the main thread because unzipping a Word file and parsing HTML or Markdown grow
// with the input (a 2 MB .docx is a second or more of CPU).
import { convertStartingText } from "../../lib/document/import-convert.ts";
import type { StartingTextResult, StartingTextSource } from "../../lib/document/starting-text.ts";
import { serveJobs } from "./worker-jobs.ts";

serveJobs(
  (job: StartingTextSource): Promise<StartingTextResult> => convertStartingText(job),
  (result) => (result.ok ? [result.state.buffer as ArrayBuffer] : []),
);
