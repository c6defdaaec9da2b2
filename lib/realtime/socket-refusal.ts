// The tab's connection starts before the page's components listen to it (use-socket.ts), so a
// refused handshake — a session that ended between the page's render and the connection — can
// come before anyone is there to hear "connect_error". It is remembered here until the next
// successful connection, and whoever starts listening asks for it.
type Listenable = { on(event: "connect" | "connect_error", listener: (err: Error) => void): unknown };

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
