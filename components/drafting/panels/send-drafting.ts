// The drafting events' round trip, shared by every panel: the server's answer is applied at once
// (not only on its later broadcast) so the user sees what they did, and a lost connection reads
// as a refusal, never as a throw.
import type { AckOf } from "@/lib/protocol";
import type { ProposalProvider, RequestPayload } from "@/lib/realtime/proposal-provider";
import { ENGLISH_WORDS } from "../words";

/** The refusal a request that throws reads as (in English; use-refusal-text.ts words it for the reader). */
export const NO_ANSWER = ENGLISH_WORDS.t("common.noAnswer");

export type DraftingEvent =
  | "bracket:place"
  | "bracket:reason"
  | "bracket:hold"
  | "bracket:option"
  | "bracket:support"
  | "bracket:agree"
  | "bracket:lift"
  | "clause:status"
  | "clause:confirm"
  | "reading:start"
  | "reading:move"
  | "reading:end";

export async function sendDrafting<E extends DraftingEvent>(provider: ProposalProvider, event: E, payload: RequestPayload<E>): Promise<AckOf[E]> {
  let res: AckOf[E];
  try {
    res = await provider.request(event, payload);
  } catch {
    return { ok: false, error: { code: "UNAVAILABLE", message: NO_ANSWER } } as AckOf[E];
  }
  if (res.ok) {
    if ("bracket" in res) provider.drafting.apply({ brackets: [res.bracket] });
    if ("clause" in res) provider.drafting.apply({ clauses: [res.clause] });
    if ("reading" in res) provider.drafting.apply({ reading: res.reading });
  }
  return res;
}

/** A refusal's message as a sentence (the server's may lack the full stop). English: see use-refusal-text.ts. */
export function refusalText(res: { ok: false; error: { message: string } }): string {
  return res.error.message.replace(/\.?$/, ".");
}
