// The amendments list reads like the text: by where each passage is now (ties: the longer
// passage first, then the older amendment); those whose anchors no longer resolve come last,
// oldest first.

export type TextRange = { from: number; to: number };

export function inTextOrder<T extends { id: string; createdAt: string }>(items: readonly T[], rangeOf: (item: T) => TextRange | null | undefined): T[] {
  const placed = items.map((item, i) => ({ item, i, range: rangeOf(item) ?? null }));
  placed.sort((a, b) => {
    const ra = a.range;
    const rb = b.range;
    if (ra && !rb) return -1;
    if (!ra && rb) return 1;
    if (ra && rb) {
      if (ra.from !== rb.from) return ra.from - rb.from;
      if (ra.to !== rb.to) return rb.to - ra.to;
    }
    if (a.item.createdAt !== b.item.createdAt) return a.item.createdAt < b.item.createdAt ? -1 : 1;
    return a.i - b.i;
  });
  return placed.map((p) => p.item);
}

/**
 * The list's order while someone works in it (focus inside): cards already listed keep their
 * places (a moved list item loses keyboard focus), new ones go in after the nearest card that
 * precedes them in text order.
 */
export function keepPlaces(previous: readonly string[], sorted: readonly string[]): string[] {
  const present = new Set(sorted);
  const result = previous.filter((k) => present.has(k));
  const placed = new Set(result);
  sorted.forEach((k, i) => {
    if (placed.has(k)) return;
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const before = result.indexOf(sorted[j]!);
      if (before !== -1) {
        at = before + 1;
        break;
      }
    }
    result.splice(at, 0, k);
    placed.add(k);
  });
  return result;
}
