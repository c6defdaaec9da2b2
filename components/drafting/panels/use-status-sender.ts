"use client";
// Sends the chair's clause:status choices one at a time, the latest winning: radio buttons
// change on every arrow key, so a chair arrowing from Open to Parked would otherwise send each
// status on the way. While one request is out, only the newest choice waits; it goes when the
// answer comes. `pending` is what the controls show meanwhile.
import { useCallback, useRef, useState } from "react";
import type { ClauseStatus } from "@/lib/domain/vocabulary";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { sendDrafting } from "./send-drafting";
import { useRefusalText } from "./use-refusal-text";

export type StatusChoiceSent = { clauseKey: string; status: ClauseStatus; awaiting: string[] };

export function useStatusSender(provider: ProposalProvider) {
  const [pending, setPending] = useState<StatusChoiceSent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refusalText = useRefusalText();
  const inFlight = useRef(false);
  const queued = useRef<StatusChoiceSent | null>(null);

  const send = useCallback(
    async (choice: StatusChoiceSent): Promise<boolean> => {
      setPending(choice);
      setError(null);
      if (inFlight.current) {
        queued.current = choice;
        return true;
      }
      inFlight.current = true;
      let next: StatusChoiceSent | null = choice;
      let ok = true;
      while (next) {
        queued.current = null;
        const res = await sendDrafting(provider, "clause:status", next);
        ok = res.ok;
        if (!res.ok) setError(refusalText(res));
        next = queued.current;
      }
      inFlight.current = false;
      setPending(null);
      return ok;
    },
    [provider, refusalText],
  );

  return { pending, error, send };
}
