import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isShareTokenShape, newShareToken } from "./token";

describe("share tokens", () => {
  it("are 256 random bits, distinct across many", () => {
    const tokens = Array.from({ length: 10_000 }, newShareToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens.slice(0, 100)) {
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(isShareTokenShape(token)).toBe(true);
    }
    // Each bit position is set about half the time: no fixed structure.
    const ones = new Array<number>(256).fill(0);
    for (const token of tokens) {
      const bytes = Buffer.from(token, "base64url");
      for (let bit = 0; bit < 256; bit++) {
        ones[bit] =
          (ones[bit] ?? 0) + (((bytes[bit >> 3] ?? 0) >> (bit & 7)) & 1);
      }
    }
    for (const count of ones) {
      expect(count).toBeGreaterThan(4_600);
      expect(count).toBeLessThan(5_400);
    }
  });

  it("carry nothing of the conversation id", () => {
    const id = randomUUID();
    const token = newShareToken();
    const hex = Buffer.from(token, "base64url").toString("hex");
    for (let start = 0; start + 8 <= id.length; start++) {
      const piece = id.slice(start, start + 8);
      expect(token).not.toContain(piece);
      expect(hex).not.toContain(piece.replaceAll("-", ""));
    }
  });

  it("refuse malformed shapes before any lookup", () => {
    const token = newShareToken();
    expect(isShareTokenShape(token.slice(1))).toBe(false);
    expect(isShareTokenShape(`${token}A`)).toBe(false);
    expect(isShareTokenShape(`${token.slice(1)}+`)).toBe(false);
    expect(isShareTokenShape(randomUUID())).toBe(false);
    expect(isShareTokenShape("")).toBe(false);
  });
});
