// How every client connects, the browser's tab as much as tests and the load generator:
// WebSocket only (no long-polling: fewer moving parts behind a proxy), and the one-frame
// parser the server speaks.
import type { ManagerOptions, SocketOptions } from "socket.io-client";
import { clientFrameParser } from "./one-frame-parser.ts";

export const CLIENT_SOCKET_OPTIONS: Partial<ManagerOptions & SocketOptions> = {
  transports: ["websocket"],
  // The server's answers may carry many anchors (a join answer: two per amendment and thread).
  parser: clientFrameParser,
};
