import { describe, expect, it } from "vitest";
import { DEFAULT_NEXT, safeNext } from "./safe-next";

describe("safeNext", () => {
  // Each of these, followed by a browser, leaves the site (or is not a plain path at all).
  const attacks: string[] = [
    "/\\evil.example/x",
    "/\\/evil.example/x",
    "/\t/evil.example/x",
    "/\\\tevil.example",
    "//evil.example",
    "//evil.example/x?y=1",
    "///evil.example",
    "/.//evil.example",
    "/x/..//evil.example",
    "/./\\evil.example",
    "/%5Cevil.example",
    "/%5cevil.example/x",
    "/%2Fevil.example",
    "/%2f%2fevil.example",
    "/%09/evil.example",
    "/%255Cevil.example",
    "/x/%2e%2e//evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    " //evil.example",
    "\t/\\evil.example",
    "https://evil.example/x",
    "http:evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "\\\\evil.example",
    "\\/evil.example",
    "evil.example",
    "workshops",
    "",
  ];
  it.each(attacks)("refuses %j", (next) => {
    expect(safeNext(next)).toBe(DEFAULT_NEXT);
  });

  it("refuses nothing given", () => {
    expect(safeNext(undefined)).toBe(DEFAULT_NEXT);
    expect(safeNext(null)).toBe(DEFAULT_NEXT);
  });

  const paths: Array<[string, string]> = [
    ["/workshops", "/workshops"],
    ["/workshops/abc?x=1#h", "/workshops/abc?x=1#h"],
    ["/invite/tok_123", "/invite/tok_123"],
    ["/workshops/abc/proposals/p1/history/3", "/workshops/abc/proposals/p1/history/3"],
    ["/", "/"],
    ["/a b", "/a%20b"],
    ["/workshops/a%2Fb?q=x%0Ay", "/workshops/a%2Fb?q=x%0Ay"],
  ];
  it.each(paths)("keeps the path %j", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it("never returns a value that leaves the site", () => {
    for (const next of attacks) {
      const url = new URL(safeNext(next), "https://accord.invalid");
      expect(url.origin).toBe("https://accord.invalid");
    }
  });
});
