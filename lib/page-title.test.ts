import { describe, expect, it } from "vitest";
import { MAX_TITLE_PART, proposalPageTitle } from "./page-title";

describe("proposalPageTitle", () => {
  it("names the proposal and its workshop", () => {
    expect(proposalPageTitle({ kind: "proposal" }, "SME financing", "China–Japan workshop")).toBe("SME financing — China–Japan workshop");
  });
  it("names the proposal on its history pages", () => {
    expect(proposalPageTitle({ kind: "history" }, "SME financing", "W")).toBe("History — SME financing");
    expect(proposalPageTitle({ kind: "compare" }, "SME financing", "W")).toBe("Compare versions — SME financing");
    expect(proposalPageTitle({ kind: "version", number: 3 }, "SME financing", "W")).toBe("Version 3 — SME financing");
  });
  it("collapses whitespace and shortens long titles", () => {
    expect(proposalPageTitle({ kind: "history" }, "  a \n b ", "")).toBe("History — a b");
    const long = "x".repeat(200);
    const title = proposalPageTitle({ kind: "proposal" }, long, "W");
    expect(title.startsWith(`${"x".repeat(MAX_TITLE_PART - 1)}… — W`)).toBe(true);
  });
  it("falls back when a title is empty", () => {
    expect(proposalPageTitle({ kind: "proposal" }, "", "")).toBe("Proposal");
  });
});
