// The comment events: start a thread on a passage, reply, resolve or reopen. Each is answered
// only inside a joined room (the join checked the membership); the use case then checks the
// access table and the thread's visibility itself, and tells the thread's audience.
import type { Socket } from "socket.io";
import { startThread } from "../services/comments/start-thread.ts";
import { replyToThread } from "../services/comments/reply-to-thread.ts";
import { resolveThread } from "../services/comments/resolve-thread.ts";
import { joinedRoom, on, state } from "./socket-events.ts";
import type { RealtimeDeps } from "./handlers.ts";

export function registerCommentHandlers(socket: Socket, deps: RealtimeDeps): void {
  const { db, rooms, live } = deps;
  const userId = () => state(socket).userId;

  on(socket, "comment:start", async (input) => {
    joinedRoom(socket, input.proposalId);
    return { thread: await startThread({ db, docs: rooms, live, userId: userId(), input }) };
  });

  on(socket, "comment:reply", async (input) => {
    joinedRoom(socket, input.proposalId);
    return { thread: await replyToThread({ db, live, userId: userId(), input }) };
  });

  on(socket, "comment:resolve", async (input) => {
    joinedRoom(socket, input.proposalId);
    return { thread: await resolveThread({ db, live, userId: userId(), input, now: new Date() }) };
  });
}
