import { describe, expect, it } from "vitest";
import { sha256Hex, verifyChain, verifyLinks, versionHash, type ChainedVersion } from "./version-chain";

function chain(n: number): Array<ChainedVersion & { hash: string }> {
  const out: Array<ChainedVersion & { hash: string }> = [];
  for (let i = 1; i <= n; i++) {
    const v: ChainedVersion = {
      proposalId: "p1",
      number: i,
      kind: i === 2 ? "NAMED" : "AUTO",
      label: i === 2 ? "Chair's text Rev.1" : null,
      text: `Clause text as of version ${i}. 区域合作。`,
      contributors: i % 2 ? ["d-chn", "d-jpn"] : ["d-kor"],
      authorId: i === 2 ? "chair" : null,
      createdAt: new Date(Date.UTC(2026, 10, 28, 10, i)),
      stateSha256: sha256Hex(`state ${i}`),
      prevHash: out.at(-1)?.hash ?? null,
    };
    out.push({ ...v, hash: versionHash(v) });
  }
  return out;
}

describe("version hash chain", () => {
  it("verifies an intact chain, and an empty one", () => {
    expect(verifyChain(chain(6))).toEqual({ isIntact: true, checked: 6 });
    expect(verifyChain([])).toEqual({ isIntact: true, checked: 0 });
  });

  it.each([
    ["the text", (v: ChainedVersion) => ({ ...v, text: v.text + " (quietly amended)" })],
    ["the label", (v: ChainedVersion) => ({ ...v, label: "Agreed text" })],
    ["the contributors", (v: ChainedVersion) => ({ ...v, contributors: ["d-chn"] })],
    ["the author", (v: ChainedVersion) => ({ ...v, authorId: "someone" })],
    ["the time", (v: ChainedVersion) => ({ ...v, createdAt: new Date(0) })],
    ["the kind", (v: ChainedVersion) => ({ ...v, kind: "VOTE" as const })],
    ["the stored state", (v: ChainedVersion) => ({ ...v, stateSha256: sha256Hex("other") })],
  ])("detects tampering with %s at exactly that version", (_what, tamper) => {
    for (const target of [1, 3, 6]) {
      const c = chain(6);
      c[target - 1] = { ...tamper(c[target - 1]!), hash: c[target - 1]!.hash };
      expect(verifyChain(c)).toEqual({ isIntact: false, checked: target - 1, brokenAt: target, reason: "hash-mismatch" });
    }
  });

  it("detects a re-hashed forgery at the next version (its link no longer matches)", () => {
    const c = chain(5);
    const forged = { ...c[2]!, text: "rewritten" };
    c[2] = { ...forged, hash: versionHash(forged) };
    expect(verifyChain(c)).toMatchObject({ isIntact: false, brokenAt: 4, reason: "broken-link" });
  });

  it("detects a removed version", () => {
    const c = chain(5);
    c.splice(2, 1);
    expect(verifyChain(c)).toMatchObject({ isIntact: false, brokenAt: 4, reason: "missing-version" });
  });

  it("does not depend on the order contributors are listed in", () => {
    const [v] = chain(1);
    expect(versionHash({ ...v!, contributors: ["d-jpn", "d-chn"] })).toBe(v!.hash);
  });
});

describe("verifying page by page", () => {
  it("continues from the last verified version", () => {
    const c = chain(6);
    expect(verifyChain(c.slice(3), { number: 3, hash: c[2]!.hash })).toEqual({ isIntact: true, checked: 3 });
    expect(verifyChain(c.slice(3), { number: 3, hash: "0".repeat(64) })).toMatchObject({ isIntact: false, brokenAt: 4, reason: "broken-link" });
  });
});

describe("verifying links whose hashes the caller recomputes (texts rebuilt from deltas)", () => {
  const links = (c: ReturnType<typeof chain>, recompute: (v: (typeof c)[number]) => string | null = (v) => versionHash(v)) =>
    c.map((v) => ({ number: v.number, prevHash: v.prevHash, hash: v.hash, recomputed: () => recompute(v) }));

  type Recompute = (v: ChainedVersion & { hash: string }) => string | null;
  const cases: Array<[string, Recompute, object]> = [
    ["an intact chain", (v) => versionHash(v), { isIntact: true, checked: 5 }],
    ["an unreadable text (null) at 3", (v) => (v.number === 3 ? null : versionHash(v)), { isIntact: false, checked: 2, brokenAt: 3, reason: "hash-mismatch" }],
    ["a different text at 4", (v) => versionHash(v.number === 4 ? { ...v, text: "other" } : v), { isIntact: false, checked: 3, brokenAt: 4, reason: "hash-mismatch" }],
  ];
  it.each(cases)("reports as verifyChain does: %s", (_what, recompute, expected) => {
    expect(verifyLinks(links(chain(5), recompute))).toEqual(expected);
  });

  it("checks order and links before asking for a hash, and gives the same report as verifyChain", () => {
    const c = chain(5);
    c.splice(1, 1);
    let asked = 0;
    expect(verifyLinks(links(c, (v) => (asked++, versionHash(v))))).toEqual(verifyChain(c));
    expect(asked).toBe(1);
  });
});
