// Splits an ordered list of sized items into consecutive pages bounded by count and by bytes, so
// a reader of large rows (version texts) holds a known amount at once however long each row is.

export type PageLimits = {
  /** Items per page. */
  maxRows: number;
  /** Sum of `bytes` per page; an item larger than this gets a page of its own. */
  maxBytes: number;
};

/** Consecutive runs of `items`, in order; none empty, none over either limit (but see maxBytes). */
export function pagesBySize<T extends { bytes: number }>(items: readonly T[], limits: PageLimits): T[][] {
  if (!Number.isInteger(limits.maxRows) || limits.maxRows < 1) throw new RangeError(`maxRows must be a positive integer, got ${limits.maxRows}`);
  if (!(limits.maxBytes > 0)) throw new RangeError(`maxBytes must be positive, got ${limits.maxBytes}`);
  const pages: T[][] = [];
  let page: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const isFull = page.length === limits.maxRows || (page.length > 0 && bytes + item.bytes > limits.maxBytes);
    if (isFull) {
      pages.push(page);
      page = [];
      bytes = 0;
    }
    page.push(item);
    bytes += item.bytes;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}
