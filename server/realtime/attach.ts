// socket.io on the app's HTTP server: every connection is authenticated at the handshake.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { Db } from "../../lib/db.ts";
import { userIdFromHandshake } from "./socket-auth.ts";

export type SocketData = { userId: string };

export function attachRealtime(httpServer: HttpServer, opts: { db: Db; secret: string }): Server {
  const io = new Server(httpServer, { serveClient: false });
  io.use(async (socket, next) => {
    try {
      const userId = await userIdFromHandshake(socket.request, opts.secret);
      if (!userId) return next(new Error("UNAUTHENTICATED"));
      (socket.data as SocketData).userId = userId;
      next();
    } catch {
      next(new Error("UNAUTHENTICATED"));
    }
  });
  return io;
}
