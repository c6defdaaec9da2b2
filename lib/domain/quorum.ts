// How many ballots a vote round needs. The chair either names a number or asks for "the
// delegations present when the vote opens": the latter is resolved to a number once, at open
// time, and stored as that number, so a round's quorum never moves while it is open (people
// leaving the room mid-vote must not make a vote quorate or not after the fact).

export const QUORUM_MODES = ["NUMBER", "PRESENT"] as const;
export type QuorumMode = (typeof QUORUM_MODES)[number];

export type QuorumChoice = { mode: "NUMBER"; count: number } | { mode: "PRESENT" };

/**
 * The round's quorum. A named number is kept within 0…delegations (the form and the use case
 * refuse more; clamping here keeps the rule total). "Present" needs at least one ballot while the
 * workshop has delegations: an empty room must not open a vote that passes with no ballots.
 */
export function resolveQuorum(choice: QuorumChoice, room: { delegations: number; present: number }): number {
  const delegations = Math.max(0, Math.floor(room.delegations));
  const clamp = (n: number) => Math.min(delegations, Math.max(0, Math.floor(n)));
  if (choice.mode === "NUMBER") return clamp(choice.count);
  return Math.min(delegations, Math.max(1, clamp(room.present)));
}
