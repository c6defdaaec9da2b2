// Before closing a round the chair sees who has not voted yet, so nobody is closed out by
// accident. Pure: the round's ballots (or the ids of the delegations that cast one, as the live
// board carries them) and the workshop's delegations in; the missing ones out, in workshop order.

export function delegationsNotVoted<D extends { id: string }>(delegations: readonly D[], ballots: readonly (string | { delegationId: string })[]): D[] {
  const voted = new Set(ballots.map((b) => (typeof b === "string" ? b : b.delegationId)));
  return delegations.filter((d) => !voted.has(d.id));
}
