import { describe, expect, it } from "vitest";
import { MATCH_END, MATCH_START, toSnippetSegments } from "./snippet";

const mark = (text: string) => `${MATCH_START}${text}${MATCH_END}`;

describe("toSnippetSegments", () => {
  it("splits marked text into plain and matched segments", () => {
    expect(
      toSnippetSegments(`…the ${mark("café")} on ${mark("Main")} street`),
    ).toEqual([
      { text: "…the ", match: false },
      { text: "café", match: true },
      { text: " on ", match: false },
      { text: "Main", match: true },
      { text: " street", match: false },
    ]);
  });

  it("merges adjacent matches and drops empty segments", () => {
    expect(toSnippetSegments(`${mark("a")}${mark("b")} c${mark("")}`)).toEqual([
      { text: "ab", match: true },
      { text: " c", match: false },
    ]);
  });

  it("keeps markup as text: segments are never HTML", () => {
    expect(
      toSnippetSegments(`<img src=x onerror=alert(1)> ${mark("<b>")}`),
    ).toEqual([
      { text: "<img src=x onerror=alert(1)> ", match: false },
      { text: "<b>", match: true },
    ]);
  });

  it("gives no segments for empty text and one for unmarked text", () => {
    expect(toSnippetSegments("")).toEqual([]);
    expect(toSnippetSegments("plain")).toEqual([
      { text: "plain", match: false },
    ]);
  });
});
