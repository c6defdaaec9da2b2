import { describe, expect, it } from "vitest";
import { floorStatusMessage } from "./floor-status";

const li = { userId: "u1", name: "Li Wei", code: "CHN" };

describe("floorStatusMessage", () => {
  it("tells the speaker they have the floor", () => {
    expect(floorStatusMessage({ speaker: li, waiting: [], viewerId: "u1" })).toBe("You have the floor");
  });
  it("names the speaker for everyone else", () => {
    expect(floorStatusMessage({ speaker: li, waiting: [], viewerId: "u2" })).toBe("Speaking: Li Wei (CHN)");
    expect(floorStatusMessage({ speaker: { ...li, code: null }, waiting: [], viewerId: "u2" })).toBe("Speaking: Li Wei");
  });
  it("gives a waiting viewer their place", () => {
    expect(floorStatusMessage({ speaker: null, waiting: [{ userId: "u3" }, { userId: "u2" }], viewerId: "u2" })).toBe("You are 2 of 2 waiting");
    expect(floorStatusMessage({ speaker: li, waiting: [{ userId: "u2" }], viewerId: "u2" })).toBe("You are 1 of 1 waiting · Speaking: Li Wei (CHN)");
  });
  it("says nothing when nobody speaks and the viewer is not waiting", () => {
    expect(floorStatusMessage({ speaker: null, waiting: [{ userId: "u3" }], viewerId: "u2" })).toBeNull();
  });
});
