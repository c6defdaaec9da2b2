// How every client connects, the browser's tab as much as tests and the load generator:
// WebSocket only (no long-polling: fewer moving parts behind a proxy), and the one-frame
// parser the server speaks.
import type { ManagerOptions, SocketOptions } from "socket.io-client";
import { oneFrameParser } from "./one-frame-parser.ts";

export const CLIENT_SOCKET_OPTIONS: Partial<ManagerOptions & SocketOptions> = {
  transports: ["websocket"],
  parser: oneFrameParser,
};
