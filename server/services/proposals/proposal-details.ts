// A proposal's own details — title and summary — as "New proposal", "Duplicate as new draft" and
// "Edit details" take them. A refusal names the field at fault by the label the form shows.
import { z } from "zod";
import { AppError } from "../../../lib/errors.ts";

export const MAX_PROPOSAL_TITLE_LENGTH = 200;
export const MAX_PROPOSAL_SUMMARY_LENGTH = 2000;

export const ProposalDetailsInput = z.object({
  title: z
    .string({ error: "Title: enter a title." })
    .trim()
    .min(1, "Title: enter a title.")
    .max(MAX_PROPOSAL_TITLE_LENGTH, `Title: keep it to ${MAX_PROPOSAL_TITLE_LENGTH} characters.`),
  summary: z
    .string({ error: "Summary: enter text." })
    .trim()
    .max(MAX_PROPOSAL_SUMMARY_LENGTH, `Summary: keep it to ${MAX_PROPOSAL_SUMMARY_LENGTH.toLocaleString("en")} characters.`)
    .default(""),
});

export type ProposalDetails = z.output<typeof ProposalDetailsInput>;

/** The details, or INVALID_INPUT whose message names the first field at fault. */
export function parseProposalDetails(input: z.input<typeof ProposalDetailsInput>): ProposalDetails {
  const parsed = ProposalDetailsInput.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "Check the proposal's title and summary.");
}
