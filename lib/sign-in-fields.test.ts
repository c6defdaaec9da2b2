import { describe, expect, it } from "vitest";
import { missingFieldsCode, missingFieldsMessage, missingSignInFields, parseMissingFieldsCode } from "./sign-in-fields";

describe("sign-in fields", () => {
  it("names each missing field", () => {
    expect(missingSignInFields({ email: "", password: "" })).toEqual(["email", "password"]);
    expect(missingSignInFields({ email: "  ", password: "x" })).toEqual(["email"]);
    expect(missingSignInFields({ email: "a@b.c" })).toEqual(["password"]);
    expect(missingSignInFields({ email: "a@b.c", password: "x" })).toEqual([]);
  });
  it("says which field in words", () => {
    expect(missingFieldsMessage(["email", "password"])).toBe("Enter your Email and Password.");
    expect(missingFieldsMessage(["email"])).toMatch(/^Email:/);
    expect(missingFieldsMessage(["password"])).toMatch(/^Password:/);
    expect(missingFieldsMessage([])).toBeNull();
  });
  it("round-trips the server's code", () => {
    expect(parseMissingFieldsCode(missingFieldsCode(["email", "password"]))).toEqual(["email", "password"]);
    expect(parseMissingFieldsCode("CredentialsSignin")).toBeNull();
  });
});
