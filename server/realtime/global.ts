// Next's route handlers and server actions run in the same process as socket.io but from
// their own bundle: globalThis is how they reach this process's rooms.
import type { Server } from "socket.io";
import type { LiveNotifier } from "../services/live-notifier.ts";
import type { RoomRegistry } from "./rooms.ts";

export type Realtime = { io: Server; rooms: RoomRegistry; live: LiveNotifier };

const holder = globalThis as unknown as { accordRealtime?: Realtime };

export function setRealtime(rt: Realtime): void {
  holder.accordRealtime = rt;
}

/** This process's realtime server, or undefined where none runs (a script, a test without one). */
export function realtimeIfRunning(): Realtime | undefined {
  return holder.accordRealtime;
}

export function realtime(): Realtime {
  if (!holder.accordRealtime) throw new Error("The realtime server is not running in this process.");
  return holder.accordRealtime;
}
