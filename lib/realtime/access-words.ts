// What a tab says when the server takes access away while it is open (a member removed, every
// session ended). One place, so the editor, the board and the notice say the same thing.

export const NO_ACCESS_MESSAGE = "You no longer have access to this workshop.";
export const SIGNED_OUT_MESSAGE = "You were signed out. Sign in again.";

/** What the tab knows of its access to a workshop, as the live connection last said. */
export type LiveAccess = "member" | "removed" | "signed-out";

/** The handshake refusal socket-auth gives a connection without a valid session. */
export function isSignedOutError(err: { message?: string } | null | undefined): boolean {
  return err?.message === "UNAUTHENTICATED";
}
