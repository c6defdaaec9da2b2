// The `user` field of an awareness state: who a caret or a presence entry belongs to. The server
// stamps it (server/realtime/awareness-stamp.ts), so what arrives from the network is trusted
// for identity but still parsed defensively: it is JSON from another tab.
import type { Participant } from "@/lib/protocol";

export type AwarenessUser = {
  userId: string;
  name: string;
  role: "MODERATOR" | "DELEGATE" | "OBSERVER";
  color: string;
  delegation: { name: string; code: string } | null;
};

// Same fallbacks as the server's stamp, so my own entry looks the way others see me.
const CHAIR_COLOUR = "#334155";
const OBSERVER_COLOUR = "#64748b";

export function userOf(p: Participant): AwarenessUser {
  return {
    userId: p.userId,
    name: p.name,
    role: p.role,
    color: p.delegation?.colour ?? (p.role === "MODERATOR" ? CHAIR_COLOUR : OBSERVER_COLOUR),
    delegation: p.delegation ? { name: p.delegation.name, code: p.delegation.code } : null,
  };
}

const ROLES = new Set(["MODERATOR", "DELEGATE", "OBSERVER"]);
const HEX_COLOUR = /^#[0-9a-f]{3,8}$/i;

/** The stamped user of an awareness state, or null if the state has none (yet) or is malformed. */
export function readAwarenessUser(state: unknown): AwarenessUser | null {
  if (typeof state !== "object" || state === null) return null;
  const u = (state as { user?: unknown }).user;
  if (typeof u !== "object" || u === null) return null;
  const { userId, name, role, color, delegation } = u as Record<string, unknown>;
  if (typeof userId !== "string" || typeof name !== "string" || typeof role !== "string" || !ROLES.has(role)) return null;
  let d: AwarenessUser["delegation"] = null;
  if (typeof delegation === "object" && delegation !== null) {
    const { name: dName, code } = delegation as Record<string, unknown>;
    if (typeof dName === "string" && typeof code === "string") d = { name: dName, code };
  }
  return {
    userId,
    name,
    role: role as AwarenessUser["role"],
    // A colour ends up in a style attribute: only plain hex colours get through.
    color: typeof color === "string" && HEX_COLOUR.test(color) ? color : OBSERVER_COLOUR,
    delegation: d,
  };
}

const ROLE_TAG: Record<AwarenessUser["role"], string> = { MODERATOR: "Chair", DELEGATE: "Delegate", OBSERVER: "Observer" };

/** "CHN" for a delegate, "Chair" / "Observer" for those without a delegation. */
export function affiliationTag(u: AwarenessUser): string {
  return u.delegation?.code ?? ROLE_TAG[u.role];
}
