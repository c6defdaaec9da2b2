// What a room needs of a connection, and nothing more: who it is, how to send it an event, how to
// drop it. Rooms, the notifier and the registry speak only this; socket.io (and the WebSocket
// tricks of fan-out.ts) stay behind it, and a room can be tested with members in memory.
import type { ServerToClientEvents } from "../../lib/protocol.ts";

export type ServerEvent = keyof ServerToClientEvents;
export type ServerPayload<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];

/** How one event reached a member: as a prebuilt frame straight onto its WebSocket, or queued. */
export type Delivery = "direct" | "queued";

export type RoomMember = {
  readonly id: string;
  /**
   * Sends an event after everything sent to this member before. `frame`, when given, returns the
   * same event as bytes ready for the wire, built once for all members of a broadcast.
   */
  send<E extends ServerEvent>(event: E, payload: ServerPayload<E>, frame?: () => Buffer[]): Delivery;
  close(): void;
};
