import { describe, expect, it } from "vitest";
import { safeReturnPath, signInPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps paths of this site", () => {
    expect(safeReturnPath("/c/abc")).toBe("/c/abc");
    expect(safeReturnPath("/share/xyz?x=1")).toBe("/share/xyz?x=1");
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "",
    null,
  ])("sends %s home instead", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });
});

describe("signInPath", () => {
  it("carries the return path, encoded", () => {
    expect(signInPath("/c/abc")).toBe("/sign-in?next=%2Fc%2Fabc");
    expect(signInPath("/")).toBe("/sign-in");
  });
});
