// The form "New workshop" and "Edit details" both send (components/workshops/workshop-details-form),
// read the same way by both actions. Shape and size only: the use case checks each field and
// names the one at fault (server/services/workshop/workshop-details).
// A plain module, not a server-action one: a schema, not an entry point.
import { z } from "zod";
import { Text, formFields } from "@/server/actions/arguments";
import { WorkshopDetailsInput } from "@/server/services/workshop/workshop-details";

const DETAILS = {
  title: Text,
  description: Text.optional(),
  timeZone: Text,
  defaultVoteRule: WorkshopDetailsInput.shape.defaultVoteRule,
  defaultQuorum: Text,
};

export const WorkshopDetailsFields = formFields(DETAILS);

/** "Edit details" also says whether observers may download the outcome record: a checkbox, "on" when ticked, absent when not. */
export const WorkshopSettingsFields = formFields({
  ...DETAILS,
  outcomeForObservers: z.literal("on", { error: "Observers may download the outcome record: tick the box or leave it empty." }).optional(),
});
