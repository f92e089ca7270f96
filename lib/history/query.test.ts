import { describe, expect, it } from "vitest";
import { buildMatchQuery } from "./query";

describe("buildMatchQuery", () => {
  it("makes every word a quoted prefix phrase, all required", () => {
    expect(buildMatchQuery("  sourdough   starter ")).toBe(
      '"sourdough"* "starter"*',
    );
  });

  it("quotes FTS syntax and doubles quotes, so input is only text", () => {
    expect(buildMatchQuery('a" OR b* NEAR(c) col:d -e')).toBe(
      '"a"""* "OR"* "b*"* "NEAR(c)"* "col:d"* "-e"*',
    );
  });

  it("matches a one-character word exactly", () => {
    expect(buildMatchQuery("a cat")).toBe('"a" "cat"*');
    expect(buildMatchQuery("é")).toBe('"é"');
  });

  it("drops words without a letter or digit, and gives null for nothing", () => {
    expect(buildMatchQuery('* " ( ) -- café')).toBe('"café"*');
    expect(buildMatchQuery('* " ()')).toBeNull();
    expect(buildMatchQuery("   ")).toBeNull();
  });

  it("keeps at most 16 words", () => {
    const words = Array.from({ length: 20 }, (_, index) => `w${index}`);
    expect(buildMatchQuery(words.join(" "))?.split(" ")).toHaveLength(16);
  });
});
