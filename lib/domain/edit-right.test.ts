import { describe, expect, it } from "vitest";
import { ARCHIVED_REASON, editRight } from "./edit-right";

describe("editRight", () => {
  it.each([
    ["DELEGATE", "DRAFTING", true, undefined],
    ["MODERATOR", "DRAFTING", true, undefined],
    ["OBSERVER", "DRAFTING", false, "Observers follow the text read-only."],
    ["DELEGATE", "LOCKED", false, "The chair has locked drafting."],
    ["MODERATOR", "VOTING", false, "The text is frozen while a vote is open."],
    ["DELEGATE", "ADOPTED", false, "This text has been adopted."],
    ["DELEGATE", "WITHDRAWN", false, "This proposal has been withdrawn."],
    ["OBSERVER", "LOCKED", false, "Observers follow the text read-only."],
  ] as const)("%s in %s → %s", (role, state, canEdit, reason) => {
    const r = editRight(role, state);
    expect(r.canEdit).toBe(canEdit);
    if (!r.canEdit) expect(r.reason).toBe(reason);
  });

  // Archived: nobody edits; a reason about the role or the state still comes first.
  it.each([
    ["MODERATOR", "DRAFTING", ARCHIVED_REASON],
    ["DELEGATE", "DRAFTING", ARCHIVED_REASON],
    ["OBSERVER", "DRAFTING", "Observers follow the text read-only."],
    ["DELEGATE", "ADOPTED", "This text has been adopted."],
  ] as const)("%s in %s of an archived workshop → %s", (role, state, reason) => {
    expect(editRight(role, state, { archived: true })).toEqual({ canEdit: false, reason });
  });
});
