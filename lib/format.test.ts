import { describe, expect, it } from "vitest";
import { formatPrice, formatTokenCount } from "./format";

describe("model figures", () => {
  it("shows context lengths the way model pages do", () => {
    expect(formatTokenCount(1_048_576)).toBe("1M");
    expect(formatTokenCount(1_000_000)).toBe("1M");
    expect(formatTokenCount(2_097_152)).toBe("2.1M");
    expect(formatTokenCount(128_000)).toBe("128K");
    expect(formatTokenCount(16_385)).toBe("16K");
    expect(formatTokenCount(null)).toBe("unknown");
  });

  it("shows prices per million tokens with the digits that matter", () => {
    expect(formatPrice(0.1)).toBe("$0.10");
    expect(formatPrice(0.2)).toBe("$0.20");
    expect(formatPrice(2.5)).toBe("$2.50");
    expect(formatPrice(10)).toBe("$10");
    expect(formatPrice(0.075)).toBe("$0.075");
    expect(formatPrice(0)).toBe("free");
  });
});
