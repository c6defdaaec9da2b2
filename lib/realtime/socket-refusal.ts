// The tab's connection starts before the page's components listen to it (use-socket.ts), so a
// refused handshake — a session that ended between the page's render and the connection — can
// come before anyone is there to hear "connect_error". It is remembered here until the next
// successful connection, and whoever starts listening for a sign-out hears it too.
import { isSignedOutError } from "./access-words.ts";

type RefusalListener = (err: Error) => void;
type Listenable = { on(event: "connect" | "connect_error", listener: RefusalListener): unknown };
type Unlistenable = Listenable & { off(event: "connect_error", listener: RefusalListener): unknown };

const refusals = new WeakMap<object, Error>();

/** Remembers this socket's latest refused connection until it connects again. */
export function rememberRefusals(socket: Listenable): void {
  socket.on("connect_error", (err) => void refusals.set(socket, err));
  socket.on("connect", () => void refusals.delete(socket));
}

/** The socket's last refused connection, if it has not connected since (null if never refused or not remembered). */
export function lastRefusal(socket: object): Error | null {
  return refusals.get(socket) ?? null;
}

/**
 * Calls `signedOut` whenever the handshake is refused for want of a valid session (signed out
 * elsewhere, or expired) — at once if that already happened before this listener came. Returns
 * the way to stop listening.
 */
export function onSignedOutRefusal(socket: Unlistenable, signedOut: () => void): () => void {
  const listener: RefusalListener = (err) => {
    if (isSignedOutError(err)) signedOut();
  };
  socket.on("connect_error", listener);
  const earlier = lastRefusal(socket);
  if (earlier) listener(earlier);
  return () => void socket.off("connect_error", listener);
}
