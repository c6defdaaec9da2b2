// The download addresses, one definition for the routes that parse them and the pages that
// link to them: a format, a paper size, and what to export.
import { z } from "zod";

const paper = z.enum(["A4", "LETTER"]).default("A4");
const versionNumber = z.coerce.number().int().positive().max(1_000_000_000);

export const textExportQuery = z.object({
  format: z.enum(["docx", "pdf", "md"]),
  /** Absent: the live text. */
  version: versionNumber.optional(),
  paper,
  /** "delegation": include the reader's own delegation's internal comment threads. */
  comments: z.enum(["public", "delegation"]).default("public"),
});

export const redlineQuery = z.object({ format: z.enum(["docx", "pdf"]), from: versionNumber, to: versionNumber, paper });

export const outcomeQuery = z.object({ format: z.enum(["docx", "pdf", "json"]), paper });

type Paper = z.output<typeof paper>;
export type TextExportQuery = { format: z.output<typeof textExportQuery>["format"]; version?: number; paper?: Paper; comments?: "public" | "delegation" };
export type RedlineQuery = { format: "docx" | "pdf"; from: number; to: number; paper?: Paper };
export type OutcomeQuery = { format: "docx" | "pdf" | "json"; paper?: Paper };

function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined) params.set(k, String(v));
  return params.toString();
}

export const textExportUrl = (proposalId: string, q: TextExportQuery) => `/api/proposals/${encodeURIComponent(proposalId)}/export?${query(q)}`;
export const redlineUrl = (proposalId: string, q: RedlineQuery) => `/api/proposals/${encodeURIComponent(proposalId)}/redline?${query(q)}`;
export const outcomeRecordUrl = (workshopId: string, q: OutcomeQuery) => `/api/workshops/${encodeURIComponent(workshopId)}/outcome-record?${query(q)}`;

/** The search parameters as a plain object for a schema (repeated keys: the first wins). */
export function searchObject(url: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(url).searchParams) if (!(k in out)) out[k] = v;
  return out;
}
