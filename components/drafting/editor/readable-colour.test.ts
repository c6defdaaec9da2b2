import { describe, expect, it } from "vitest";
import { contrastOnWhite, delegationTextColour, readableOnWhite } from "./readable-colour";

describe("readableOnWhite", () => {
  it.each([
    ["a dark colour is kept", "#1d4ed8", "#1d4ed8"],
    ["short hex is spelled out", "#000", "#000000"],
    ["alpha is dropped", "#be185dff", "#be185d"],
  ])("%s", (_name, input, expected) => {
    expect(readableOnWhite(input)).toBe(expected);
  });

  it.each(["#facc15", "#a3e635", "#ffffff", "#38bdf8", "#f472b6"])("darkens %s to at least 4.5:1, keeping its hue", (light) => {
    const out = readableOnWhite(light);
    expect(contrastOnWhite(out)).toBeGreaterThanOrEqual(4.5);
    expect(out).not.toBe(light);
  });

  it("falls back to the chair's slate without a delegation, with a margin for tints", () => {
    expect(delegationTextColour(null)).toBe("#334155");
    expect(contrastOnWhite(delegationTextColour({ colour: "#c2410c" }))).toBeGreaterThanOrEqual(5);
  });
});
