// The drafting events: brackets and their options, paragraph statuses, readings. Each checks
// that the caller is in the proposal's room, then runs its use case, which authorizes, applies
// the domain rule, writes, records and tells every node. Nothing in a payload says who the
// caller is or which delegation they speak for: that is the session's membership.
import type { Socket } from "socket.io";
import { joinedRoom, on, state } from "./socket-events.ts";
import type { RealtimeDeps } from "./handlers.ts";
import { placeBracket } from "../services/drafting/place-bracket.ts";
import { setBracketReason } from "../services/drafting/set-bracket-reason.ts";
import { holdBracket } from "../services/drafting/hold-bracket.ts";
import { addOption } from "../services/drafting/add-option.ts";
import { supportOption } from "../services/drafting/support-option.ts";
import { agreeOption, liftBracket } from "../services/drafting/decide-bracket.ts";
import { setClauseStatus } from "../services/drafting/set-clause-status.ts";
import { confirmClause } from "../services/drafting/confirm-clause.ts";
import { endReading, moveReading, startReading } from "../services/drafting/readings.ts";

export function registerDraftingHandlers(socket: Socket, deps: Pick<RealtimeDeps, "db" | "rooms" | "live">): void {
  const { db, rooms, live } = deps;
  // The caller of every event: the socket's signed-in user, in a room it joined (the join checked access).
  const caller = (proposalId: string) => {
    joinedRoom(socket, proposalId);
    return { db, rooms, live, userId: state(socket).userId, proposalId, now: new Date() };
  };

  on(socket, "bracket:place", ({ proposalId, from, to, reason }) => placeBracket({ ...caller(proposalId), input: { from, to, reason } }));
  on(socket, "bracket:reason", ({ proposalId, bracketId, reason }) => setBracketReason({ ...caller(proposalId), bracketId, reason }));
  on(socket, "bracket:hold", ({ proposalId, bracketId, hold }) => holdBracket({ ...caller(proposalId), bracketId, hold }));
  on(socket, "bracket:option", ({ proposalId, bracketId, text }) => addOption({ ...caller(proposalId), bracketId, text }));
  on(socket, "bracket:support", ({ proposalId, bracketId, optionId, support }) => supportOption({ ...caller(proposalId), bracketId, optionId, support }));
  on(socket, "bracket:agree", ({ proposalId, bracketId, optionId }) => agreeOption({ ...caller(proposalId), bracketId, optionId }));
  on(socket, "bracket:lift", ({ proposalId, bracketId }) => liftBracket({ ...caller(proposalId), bracketId }));

  on(socket, "clause:status", ({ proposalId, clauseKey, status, awaiting }) => setClauseStatus({ ...caller(proposalId), input: { clauseKey, status, awaiting } }));
  on(socket, "clause:confirm", ({ proposalId, clauseKey }) => confirmClause({ ...caller(proposalId), clauseKey }));

  on(socket, "reading:start", ({ proposalId }) => startReading(caller(proposalId)));
  on(socket, "reading:move", ({ proposalId, direction }) => moveReading({ ...caller(proposalId), direction }));
  on(socket, "reading:end", ({ proposalId }) => endReading(caller(proposalId)));
}
