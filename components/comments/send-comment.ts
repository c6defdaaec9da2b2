// The comment events' round trip, shared by the comment form and the thread cards: the
// server's answer is applied at once (not on its later broadcast) so the user sees what they
// did, and every failure comes back as a refusal the form can show beside itself.
import { useCallback } from "react";
import { useLocale } from "next-intl";
import { useErrorText, type ServerError } from "@/components/i18n/use-error-text";
import type { ThreadAck } from "@/lib/protocol";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";

/** Sends one comment event; a lost connection or a late answer reads as a refusal, never throws. */
export async function sendComment(provider: ProposalProvider, run: () => Promise<ThreadAck>): Promise<ThreadAck> {
  try {
    const res = await run();
    if (res.ok) provider.annotations.upsertThread(res.thread);
    return res;
  } catch {
    return { ok: false, error: { code: "UNAVAILABLE", message: "The server did not answer. Try again." } };
  }
}

/**
 * A refusal in the reader's language (components/i18n/use-error-text.ts), as a sentence: in
 * English the server's may lack the full stop; the catalogues' sentences are complete.
 */
export function useRefusalText(): (error: ServerError) => string {
  const locale = useLocale();
  const errorText = useErrorText();
  return useCallback(
    (error: ServerError) => {
      const text = errorText(error);
      return locale === "en" ? text.replace(/\.?$/, ".") : text;
    },
    [locale, errorText],
  );
}
