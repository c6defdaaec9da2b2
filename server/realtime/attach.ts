// socket.io on the app's HTTP server: every connection is authenticated at the handshake,
// then speaks the protocol of lib/protocol.ts.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { Db } from "../../lib/db.ts";
import { env } from "../../lib/env.ts";
import { MAX_SOCKET_MESSAGE_BYTES } from "../../lib/protocol.ts";
import { oneFrameParser } from "../../lib/realtime/one-frame-parser.ts";
import { sessionFromHandshake, type HandshakeSession } from "./socket-auth.ts";
import { registerHandlers } from "./handlers.ts";
import { guardSocket, isAllowedOrigin, SocketsPerUser } from "./socket-guard.ts";
import { DEFAULT_ROOM_OPTIONS, RoomRegistry, type RoomOptions } from "./rooms.ts";
import { setRealtime, type Realtime } from "./global.ts";
import { journalSinkFor } from "../document-store/journal-sinks.ts";
import { applyAccessChange, applyArchived, applyProposalState, createLiveNotifier } from "./notifier.ts";
import { UserConnections } from "./connections.ts";
import { joinCluster } from "./cluster.ts";
import { Attendance } from "./attendance.ts";
import { applyAwarenessUpdate } from "y-protocols/awareness";
import { amendmentViews } from "../services/amendments/amendment-views.ts";
import { revisionStoreFor } from "../services/amendments/store-revisions.ts";

export function attachRealtime(
  httpServer: HttpServer,
  opts: { db: Db; secret: string; rooms?: Partial<RoomOptions>; redisUrl?: string; clusterSecret?: string; databaseUrl?: string },
): Realtime & { close(): Promise<void> } {
  const io = new Server(httpServer, {
    serveClient: false,
    // Binary messages as one WebSocket frame (see lib/realtime/one-frame-parser.ts).
    parser: oneFrameParser,
    // Larger frames are cut off by the transport before any of our code runs.
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    allowRequest: (req, callback) => callback(null, isAllowedOrigin(req, env().NEXTAUTH_URL)),
  });
  const rooms = new RoomRegistry(opts.db, { ...DEFAULT_ROOM_OPTIONS, ...opts.rooms }, journalSinkFor(opts.db, opts.databaseUrl), revisionStoreFor(opts.db, opts.databaseUrl));
  const connections = new UserConnections();
  const attendance = new Attendance(io);
  if (opts.redisUrl) {
    if (!opts.clusterSecret) throw new Error("ACCORD_CLUSTER_SECRET is required with REDIS_URL: every node must be given the same secret (at least 32 characters)");
    rooms.cluster = joinCluster(io, opts.redisUrl, opts.clusterSecret, {
      onDoc: (proposalId, update) => rooms.applyRelayed(proposalId, update),
      onAwareness: (proposalId, update) => {
        const room = rooms.peek(proposalId);
        if (!room) return;
        applyAwarenessUpdate(room.awareness, update, "relay");
        room.broadcast("awareness:update", { proposalId, update });
      },
      onPresenceKept: (proposalId, update) => rooms.takeRelayedPresence(proposalId, update, Date.now()),
      onState: (proposalId, state) => applyProposalState(rooms, proposalId, state),
      onMode: (proposalId, mode) => void rooms.setMode(proposalId, mode),
      onAgreed: (proposalId, keys) => void rooms.setAgreedKeys(proposalId, keys),
      onAmendments: (proposalId, amendments, deliver) => {
        const room = rooms.peek(proposalId);
        if (!room) return;
        room.amendments.update(amendments);
        if (deliver) room.broadcast("amendment:changed", { proposalId, amendments });
      },
      onAccess: (userId, workshopId, sessionId) => applyAccessChange(connections, userId, workshopId, sessionId),
      onArchived: (workshopId) => applyArchived(rooms, workshopId),
      attendanceHere: (workshopId) => attendance.here(workshopId),
      // Seats first (a removal heard late must not see the re-synced text), then the rooms.
      onLinkRestored: async () => {
        await connections.recheckEveryone();
        return rooms.resync();
      },
      onResyncAsked: (proposalIds) => void rooms.resync(proposalIds).catch((e) => console.error("re-sync asked by another node failed:", (e as Error)?.message ?? e)),
    });
    attendance.cluster = rooms.cluster;
  }
  const live = createLiveNotifier(io, rooms, opts.db, connections, attendance);
  // A typed revision the database refused (decided or locked meanwhile): every tab, on every
  // node, is sent the amendment as stored, and the caches take it.
  rooms.revisions.onRefused = (revision) => {
    amendmentViews(opts.db, revision.proposalId, [revision.amendmentId])
      .then((views) => live.amendmentsChanged(revision.proposalId, views))
      .catch((e) => console.error(`amendment ${revision.amendmentId} not corrected:`, (e as Error)?.message ?? e));
  };
  setRealtime({ io, rooms, live });
  const perUser = new SocketsPerUser();
  io.use(async (socket, next) => {
    let session: HandshakeSession | null;
    try {
      session = await sessionFromHandshake(socket.request, opts.secret);
    } catch {
      session = null;
    }
    if (!session) return next(new Error("UNAUTHENTICATED"));
    const { userId } = session;
    if (!perUser.enter(userId)) return next(new Error("TOO_MANY_CONNECTIONS"));
    socket.data.userId = userId;
    // "Sign out" of this session closes the sockets opened with it (connections.ts).
    socket.data.sessionId = session.sessionId;
    next();
  });
  io.on("connection", (socket) => {
    const userId = socket.data.userId as string;
    socket.once("disconnect", () => perUser.leave(userId));
    guardSocket(socket);
    registerHandlers(socket, { io, db: opts.db, rooms, connections, attendance, live });
  });
  return { io, rooms, live, close: () => rooms.cluster.close() };
}
