"use client";
// Why the text cannot be edited, in the reader's language. The reason arrives as the English
// sentence the server (lib/domain/edit-right.ts) or the provider (lib/realtime/access-words.ts)
// words; each known sentence is recognised by those modules' own values and worded from the
// catalogue (editor.readOnly.*). A refusal to join is worded by its error code.
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ARCHIVED_REASON, editRight } from "@/lib/domain/edit-right";
import type { ProposalState } from "@/lib/domain/access";
import { NO_ACCESS_MESSAGE, SIGNED_OUT_MESSAGE } from "@/lib/realtime/access-words";
import { useErrorText, type ServerError } from "@/components/i18n/use-error-text";

function reasonOf(role: "DELEGATE" | "OBSERVER", state: ProposalState): string {
  const right = editRight(role, state);
  return right.canEdit ? "" : right.reason;
}

/** The English sentence → its key in editor.readOnly. */
const REASON_KEYS = new Map<string, string>([
  [reasonOf("DELEGATE", "LOCKED"), "locked"],
  [reasonOf("DELEGATE", "VOTING"), "voting"],
  [reasonOf("DELEGATE", "ADOPTED"), "adopted"],
  [reasonOf("DELEGATE", "WITHDRAWN"), "withdrawn"],
  [reasonOf("OBSERVER", "DRAFTING"), "observer"],
  [ARCHIVED_REASON, "archived"],
  [NO_ACCESS_MESSAGE, "noAccess"],
  [SIGNED_OUT_MESSAGE, "signedOut"],
]);

/** Words a read-only reason; `error` is the refusal it came from, when it did. */
export function useReadOnlyReason(): (reason: string, error?: ServerError | null) => string {
  const t = useTranslations("editor.readOnly");
  const errorText = useErrorText();
  return useCallback(
    (reason: string, error?: ServerError | null) => {
      const key = REASON_KEYS.get(reason);
      if (key) return t(key);
      if (error && error.message === reason) return errorText(error);
      return reason;
    },
    [t, errorText],
  );
}
