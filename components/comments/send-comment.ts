// The comment events' round trip, shared by the comment form and the thread cards: the
// server's answer is applied at once (not on its later broadcast) so the user sees what they
// did, and every failure comes back as a refusal the form can show beside itself.
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

/** A refusal's message as a sentence (the server's may lack the full stop). */
export function errorText(message: string): string {
  return message.replace(/\.?$/, ".");
}
