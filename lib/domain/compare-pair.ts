// Which two versions Compare shows when nobody picked any. The newest against the one just
// before it is often no comparison at all: opening a vote cuts a VOTE version of exactly the
// text a NAMED version saved a minute earlier. So the default is the newest version against the
// latest earlier one whose text differs — the last change anyone could actually read.

export type VersionText = { number: number; text: string };

export type ComparePair = {
  from: number;
  to: number;
  /** True when no earlier version differs (the pair then falls back to the one just before). */
  isIdentical: boolean;
};

/**
 * `newestFirst`: the newest version, then earlier ones in descending order (a prefix of the
 * history is enough; the caller feeds more when every one of them is identical).
 * Null for no versions; a lone version is compared with itself.
 */
export function defaultComparePair(newestFirst: readonly VersionText[]): ComparePair | null {
  const [latest, ...earlier] = newestFirst;
  if (!latest) return null;
  const differing = earlier.find((v) => v.number < latest.number && v.text !== latest.text);
  if (differing) return { from: differing.number, to: latest.number, isIdentical: false };
  const previous = earlier.find((v) => v.number < latest.number);
  return { from: previous?.number ?? latest.number, to: latest.number, isIdentical: true };
}
