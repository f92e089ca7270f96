import { describe, expect, it } from "vitest";
import { redactPath } from "./http";

describe("redactPath", () => {
  it("keeps share and invitation tokens out of the logs", () => {
    const share = "a".repeat(43);
    expect(redactPath(`/api/shares/${share}/continue`)).toBe(
      "/api/shares/[token]/continue",
    );
    expect(redactPath("/api/auth/reset-password/abcDEF123456")).toBe(
      "/api/auth/reset-password/[token]",
    );
    expect(redactPath("/api/auth/sign-in/email")).toBe(
      "/api/auth/sign-in/email",
    );
  });
});
