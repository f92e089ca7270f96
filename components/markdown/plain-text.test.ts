import { describe, expect, it } from "vitest";
import { plainText } from "./plain-text";

describe("the reply before its renderer loads", () => {
  it("drops the markers a person would see flash by", () => {
    expect(
      plainText(
        "## Plan\nHere is **the script** and `x`:\n```ts\nconst a = 1;\n```\n~~old~~",
      ),
    ).toBe("Plan\nHere is the script and x:\n\nconst a = 1;\n\nold");
  });
});
