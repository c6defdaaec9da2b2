// The record worker thread: parses and self-checks outcome records handed in for verification.
import { checkRecordText, type RecordCheck } from "./record-check.ts";
import { serveJobs } from "./worker-jobs.ts";

serveJobs((text: string): RecordCheck => checkRecordText(text));
