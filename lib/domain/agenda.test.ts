import { describe, expect, it } from "vitest";
import { moveItem } from "./agenda";

describe("moveItem", () => {
  it.each<[string[], number, "up" | "down", string[]]>([
    [["a", "b", "c"], 1, "up", ["b", "a", "c"]],
    [["a", "b", "c"], 1, "down", ["a", "c", "b"]],
    [["a", "b", "c"], 0, "up", ["a", "b", "c"]],
    [["a", "b", "c"], 2, "down", ["a", "b", "c"]],
    [["a", "b", "c"], 5, "up", ["a", "b", "c"]],
    [[], 0, "down", []],
  ])("%j move %i %s → %j", (items, i, dir, expected) => {
    expect(moveItem(items, i, dir)).toEqual(expected);
  });

  it("does not mutate its input", () => {
    const items = ["a", "b"];
    moveItem(items, 0, "down");
    expect(items).toEqual(["a", "b"]);
  });
});
