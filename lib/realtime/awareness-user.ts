// The `user` field of an awareness state: who a caret or a presence entry belongs to. The server
// stamps it on every state it relays (server/realtime/awareness-stamp.ts) and each tab sets the
// same for itself, so both build it here and my own entry looks the way others see me. What
// arrives from the network is trusted for identity but still parsed defensively: it is JSON
// from another tab.
import { ROLES, type Role } from "../domain/vocabulary.ts";
import type { Participant } from "../protocol.ts";

/** The shape TipTap's caret extension reads (`name`, `color`) plus who it is. */
export type AwarenessUser = {
  userId: string;
  name: string;
  role: Role;
  color: string;
  delegation: { name: string; code: string } | null;
};

// Those without a delegation (and so without its colour): the chair in slate, observers greyer.
const CHAIR_COLOUR = "#334155";
const OBSERVER_COLOUR = "#64748b";
const HEX_COLOUR = /^#[0-9a-f]{3,8}$/i;

export function awarenessUser(p: Participant): AwarenessUser {
  return {
    userId: p.userId,
    name: p.name,
    role: p.role,
    color: p.delegation?.colour ?? (p.role === "MODERATOR" ? CHAIR_COLOUR : OBSERVER_COLOUR),
    delegation: p.delegation ? { name: p.delegation.name, code: p.delegation.code } : null,
  };
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The stamped user of an awareness state, or null if the state has none (yet) or is malformed. */
export function readAwarenessUser(state: unknown): AwarenessUser | null {
  if (typeof state !== "object" || state === null) return null;
  const u = (state as { user?: unknown }).user;
  if (typeof u !== "object" || u === null) return null;
  const { userId, name, role, color, delegation } = u as Record<string, unknown>;
  if (typeof userId !== "string" || typeof name !== "string" || typeof role !== "string" || !isRole(role)) return null;
  let d: AwarenessUser["delegation"] = null;
  if (typeof delegation === "object" && delegation !== null) {
    const { name: dName, code } = delegation as Record<string, unknown>;
    if (typeof dName === "string" && typeof code === "string") d = { name: dName, code };
  }
  return {
    userId,
    name,
    role,
    // A colour ends up in a style attribute: only plain hex colours get through.
    color: typeof color === "string" && HEX_COLOUR.test(color) ? color : OBSERVER_COLOUR,
    delegation: d,
  };
}
