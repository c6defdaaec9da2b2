import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress } from "./client-address";

describe("clientAddress", () => {
  it.each([
    // [peer, X-Forwarded-For, trusted proxies, client]
    ["203.0.113.7", undefined, [], "203.0.113.7"],
    ["203.0.113.7", "198.51.100.1", [], "203.0.113.7"], // an untrusted peer's header is ignored
    ["::ffff:203.0.113.7", undefined, [], "203.0.113.7"],
    ["10.0.0.2", "198.51.100.1", ["10.0.0.2"], "198.51.100.1"],
    ["::ffff:10.0.0.2", "198.51.100.1", ["10.0.0.2"], "198.51.100.1"],
    // The client wrote "1.2.3.4" itself; the proxy appended the real peer.
    ["10.0.0.2", "1.2.3.4, 198.51.100.1", ["10.0.0.2"], "198.51.100.1"],
    // Two proxies: the right-most hop that is not ours.
    ["10.0.0.2", "1.2.3.4, 198.51.100.1, 10.0.0.3", ["10.0.0.2", "10.0.0.3"], "198.51.100.1"],
    // A trusted proxy without the header: the request is the proxy's own.
    ["10.0.0.2", undefined, ["10.0.0.2"], "10.0.0.2"],
    // Only proxies in the list: the left-most of them.
    ["10.0.0.2", "10.0.0.3", ["10.0.0.2", "10.0.0.3"], "10.0.0.3"],
    ["2001:db8::1", "198.51.100.1", [], "2001:db8::1"],
  ] as const)("peer %s, forwarded %s, trusted %j: %s", (peer, forwarded, trusted, client) => {
    expect(clientAddress({ peer, forwardedFor: forwarded, trustedProxies: trusted })).toBe(client);
  });

  it("reads several X-Forwarded-For headers as one list", () => {
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: ["1.2.3.4", "198.51.100.1"], trustedProxies: ["10.0.0.2"] })).toBe("198.51.100.1");
  });

  it("has no address (never a shared one) without a peer", () => {
    expect(clientAddress({ peer: undefined, forwardedFor: "198.51.100.1", trustedProxies: [] })).toBeNull();
    expect(clientAddress({ peer: "", forwardedFor: "198.51.100.1", trustedProxies: ["10.0.0.2"] })).toBeNull();
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["::FFFF:192.0.2.1", "192.0.2.1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
    [" 192.0.2.1 ", "192.0.2.1"],
  ])("%s is %s", (raw, normal) => expect(normalizeAddress(raw)).toBe(normal));
});
