// next-auth's authorize() sees a request's headers, not its socket. The custom server
// (server/app-server.ts) writes the socket's peer address into this header before Next sees
// the request, having first removed any copy the client sent: its value is always ours.
import type { IncomingMessage } from "node:http";

export const PEER_ADDRESS_HEADER = "x-accord-peer-address";

/** Replaces any client-sent PEER_ADDRESS_HEADER with the socket's peer address. */
export function stampPeerAddress(req: IncomingMessage): void {
  delete req.headers[PEER_ADDRESS_HEADER];
  // Some code reads rawHeaders (name, value, name, value…): the client's copy goes there too.
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() !== PEER_ADDRESS_HEADER) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  const peer = req.socket.remoteAddress;
  if (peer) {
    req.headers[PEER_ADDRESS_HEADER] = peer;
    raw.push(PEER_ADDRESS_HEADER, peer);
  }
  req.rawHeaders = raw;
}
