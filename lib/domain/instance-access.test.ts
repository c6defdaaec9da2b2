import { describe, expect, it } from "vitest";
import { mayAdminister, mayCreateWorkshop, type InstanceUser, type WorkshopCreators } from "./instance-access";

const admin: InstanceUser = { isAdmin: true };
const member: InstanceUser = { isAdmin: false };

describe("mayCreateWorkshop", () => {
  // Written out by hand: every kind of caller × every setting.
  it.each<[string, InstanceUser | null, WorkshopCreators, boolean]>([
    ["administrator, admins only", admin, "admins", true],
    ["administrator, everyone", admin, "everyone", true],
    ["other account, admins only", member, "admins", false],
    ["other account, everyone", member, "everyone", true],
    ["signed out, admins only", null, "admins", false],
    ["signed out, everyone", null, "everyone", false],
  ])("%s → %s", (_name, user, setting, expected) => {
    expect(mayCreateWorkshop(user, setting)).toBe(expected);
  });
});

describe("mayAdminister", () => {
  it.each<[string, InstanceUser | null, boolean]>([
    ["administrator", admin, true],
    ["other account", member, false],
    ["signed out", null, false],
  ])("%s → %s", (_name, user, expected) => {
    expect(mayAdminister(user)).toBe(expected);
  });
});
