// A workshop's own details — title, description, the venue's time zone, the vote defaults — as
// both "New workshop" and "Edit details" take them. A refusal names the field at fault by the
// label the form shows, so the person knows what to change.
import { z } from "zod";
import { isIanaZone } from "../../../lib/domain/time-zone.ts";
import { VOTE_RULES } from "../../../lib/domain/vocabulary.ts";
import { AppError } from "../../../lib/errors.ts";

export const MAX_TITLE_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 2000;
/** The open-vote form's own ceiling for a quorum (OpenVoteInput). */
export const MAX_DEFAULT_QUORUM = 200;

export const WorkshopDetailsInput = z.object({
  title: z.string({ error: "Title: enter a title." }).trim().min(1, "Title: enter a title.").max(MAX_TITLE_LENGTH, `Title: keep it to ${MAX_TITLE_LENGTH} characters.`),
  description: z
    .string({ error: "Description: enter text." })
    .trim()
    .max(MAX_DESCRIPTION_LENGTH, `Description: keep it to ${MAX_DESCRIPTION_LENGTH.toLocaleString("en")} characters.`)
    .default(""),
  timeZone: z.string({ error: "Time zone: choose a time zone." }).trim().refine(isIanaZone, { message: "Time zone: choose a time zone from the list (an IANA name such as Asia/Tokyo)." }),
  defaultVoteRule: z.enum(VOTE_RULES, { error: "Default vote rule: choose consensus, simple majority or two-thirds." }),
  // Forms send text: "" is no number at all, not 0.
  defaultQuorum: z
    .union([z.number(), z.string().trim().min(1).transform(Number)], { error: "Default quorum: enter a whole number." })
    .pipe(
      z
        .number({ error: "Default quorum: enter a whole number." })
        .int("Default quorum: enter a whole number.")
        .min(1, "Default quorum: at least 1 delegation.")
        .max(MAX_DEFAULT_QUORUM, `Default quorum: at most ${MAX_DEFAULT_QUORUM}.`),
    ),
  // "Edit details" only (absent: unchanged; a new workshop starts with it off). The chair and
  // delegates may always download the outcome record; observers when this is on.
  outcomeForObservers: z.boolean({ error: "Observers may download the outcome record: tick the box or leave it empty." }).optional(),
});

export type WorkshopDetails = z.output<typeof WorkshopDetailsInput>;

/** The details, or INVALID_INPUT whose message names the first field at fault. */
export function parseWorkshopDetails(input: z.input<typeof WorkshopDetailsInput>): WorkshopDetails {
  const parsed = WorkshopDetailsInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError("INVALID_INPUT", issue?.message ?? "Check the workshop's details.");
}
