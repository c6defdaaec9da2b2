// Which address a request came from, for counting failed sign-ins. Pure.
//
// The socket's peer is the truth. X-Forwarded-For is believed only when that peer is one of
// our own proxies (ACCORD_TRUSTED_PROXIES); then the client is the right-most address in it
// that is not itself a trusted proxy (anything left of that was written by the client).

/** "::ffff:192.0.2.1" (IPv4 on an IPv6 socket) is 192.0.2.1; brackets and zone ids go. */
export function normalizeAddress(address: string): string {
  let a = address.trim().toLowerCase();
  if (a.startsWith("[") && a.includes("]")) a = a.slice(1, a.indexOf("]"));
  const zone = a.indexOf("%");
  if (zone >= 0) a = a.slice(0, zone);
  if (a.startsWith("::ffff:") && a.includes(".")) a = a.slice("::ffff:".length);
  return a;
}

/**
 * The client's address, or null without a peer (never a shared "unknown" bucket).
 * `forwardedFor`: every X-Forwarded-For value, in order (several headers are one list).
 */
export function clientAddress(opts: { peer: string | null | undefined; forwardedFor?: string | string[] | null; trustedProxies: readonly string[] }): string | null {
  if (!opts.peer || !opts.peer.trim()) return null;
  const peer = normalizeAddress(opts.peer);
  const trusted = new Set(opts.trustedProxies.map(normalizeAddress));
  if (!trusted.has(peer)) return peer;
  const values = Array.isArray(opts.forwardedFor) ? opts.forwardedFor : opts.forwardedFor ? [opts.forwardedFor] : [];
  const hops = values.flatMap((v) => v.split(",")).map((h) => normalizeAddress(h)).filter((h) => h !== "");
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i]!)) return hops[i]!;
  // Only proxies all the way (or no header): the request came from the proxy itself.
  return hops[0] ?? peer;
}
