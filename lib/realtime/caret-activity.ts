// When another person's caret flag ("Name · CODE") shows: while its owner moves it, and for a
// couple of seconds after; then it fades and the coloured bar alone stays, so idle flags do not
// cover the text. Pure timing and comparison; components/editor/caret.ts applies it to the DOM.

/** Set on a caret whose owner has not moved it for a while: its name flag fades (globals.css). */
export const CARET_IDLE_CLASS = "is-idle";
/** How long a name flag stays after its caret last moved: long enough to read, short enough not to cover the text. */
export const CARET_LABEL_IDLE_MS = 2500;

type ClassTarget = { classList: { add(c: string): void; remove(c: string): void } };

const idleTimers = new WeakMap<ClassTarget, ReturnType<typeof setTimeout>>();

/** Shows a caret's name flag again and fades it once its owner has been idle for `idleMs`. */
export function wakeCaret(caret: ClassTarget, idleMs = CARET_LABEL_IDLE_MS): void {
  caret.classList.remove(CARET_IDLE_CLASS);
  const previous = idleTimers.get(caret);
  if (previous !== undefined) clearTimeout(previous);
  idleTimers.set(
    caret,
    setTimeout(() => caret.classList.add(CARET_IDLE_CLASS), idleMs),
  );
}

/**
 * Which other people's carets moved since `previous` (their awareness `cursor` changed), and
 * the cursors to compare against next time. Presence heartbeats that resend the same cursor
 * are not movement.
 */
export function movedCarets(
  previous: ReadonlyMap<number, string>,
  states: ReadonlyMap<number, Record<string, unknown> | null | undefined>,
  selfId: number,
): { moved: number[]; cursors: Map<number, string> } {
  const cursors = new Map<number, string>();
  const moved: number[] = [];
  for (const [id, state] of states) {
    if (id === selfId || !state || state.cursor == null) continue;
    const cursor = JSON.stringify(state.cursor);
    cursors.set(id, cursor);
    if (previous.get(id) !== cursor) moved.push(id);
  }
  return { moved, cursors };
}
