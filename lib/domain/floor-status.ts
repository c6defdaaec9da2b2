// The one line a phone shows about the floor (components/floor/floor-status-bar.tsx): the
// viewer's own situation first, then who speaks. Pure: words for situations.

/** What the bar says, from the board (pure: which words for which situation). */
export function floorStatusMessage(opts: {
  speaker: { userId: string; name: string; code: string | null } | null;
  waiting: ReadonlyArray<{ userId: string }>;
  viewerId: string;
}): string | null {
  const { speaker, waiting, viewerId } = opts;
  if (speaker?.userId === viewerId) return "You have the floor";
  const place = waiting.findIndex((w) => w.userId === viewerId);
  const queued = place >= 0 ? `You are ${place + 1} of ${waiting.length} waiting` : null;
  if (speaker) {
    const who = speaker.code ? `${speaker.name} (${speaker.code})` : speaker.name;
    return queued ? `${queued} · Speaking: ${who}` : `Speaking: ${who}`;
  }
  return queued;
}
