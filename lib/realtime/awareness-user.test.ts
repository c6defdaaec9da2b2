import { describe, expect, it } from "vitest";
import type { Participant } from "../protocol";
import { awarenessUser, readAwarenessUser, type AwarenessUser } from "./awareness-user";

const japan: Participant = { userId: "u-jp", name: "Sato Haruki", role: "DELEGATE", delegation: { id: "d-jp", name: "Japan", code: "JPN", colour: "#be185d" } };
const chair: Participant = { userId: "u-ch", name: "Chair", role: "MODERATOR", delegation: null };
const observer: Participant = { userId: "u-ob", name: "Observer", role: "OBSERVER", delegation: null };

describe("awarenessUser", () => {
  // Written out by hand: the shape every tab and the server's stamp put on the wire.
  it.each<[string, Participant, AwarenessUser]>([
    ["a delegate, in the delegation's colour", japan, { userId: "u-jp", name: "Sato Haruki", role: "DELEGATE", color: "#be185d", delegation: { name: "Japan", code: "JPN" } }],
    ["the chair, without a delegation", chair, { userId: "u-ch", name: "Chair", role: "MODERATOR", color: "#334155", delegation: null }],
    ["an observer, without a delegation", observer, { userId: "u-ob", name: "Observer", role: "OBSERVER", color: "#64748b", delegation: null }],
  ])("%s", (_, participant, expected) => {
    expect(awarenessUser(participant)).toEqual(expected);
  });

  it.each([japan, chair, observer])("reads back as built ($role)", (participant) => {
    const user = awarenessUser(participant);
    // As it arrives from another tab: JSON inside an awareness state.
    expect(readAwarenessUser(JSON.parse(JSON.stringify({ user, cursor: null })))).toEqual(user);
  });
});

describe("readAwarenessUser", () => {
  const valid = { userId: "u", name: "N", role: "DELEGATE", color: "#123456", delegation: { name: "China", code: "CHN" } };

  it.each<[string, unknown]>([
    ["no state", null],
    ["a state without a user (not stamped yet)", { cursor: null }],
    ["a user that is not an object", { user: "Sato" }],
    ["an unknown role", { user: { ...valid, role: "ADMIN" } }],
    ["a role in another case", { user: { ...valid, role: "delegate" } }],
    ["a numeric user id", { user: { ...valid, userId: 7 } }],
    ["no name", { user: { ...valid, name: undefined } }],
  ])("refuses %s", (_, state) => {
    expect(readAwarenessUser(state)).toBeNull();
  });

  it.each<[string, unknown, string]>([
    ["a hex colour", "#abc", "#abc"],
    ["CSS that is not a plain hex colour", "red; background: url(x)", "#64748b"],
    ["a colour that is not a string", 42, "#64748b"],
  ])("keeps only plain hex colours: %s", (_, color, expected) => {
    expect(readAwarenessUser({ user: { ...valid, color } })?.color).toBe(expected);
  });

  it("drops a malformed delegation but keeps the person", () => {
    expect(readAwarenessUser({ user: { ...valid, delegation: { name: "China", code: 1 } } })).toEqual({ ...valid, delegation: null });
  });
});
