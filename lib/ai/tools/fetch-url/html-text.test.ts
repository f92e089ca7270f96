import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToText } from "./html-text";

describe("decodeEntities", () => {
  it.each([
    ["a &amp; b", "a & b"],
    ["&lt;p&gt;", "<p>"],
    ["&quot;x&quot; &apos;y&apos;", "\"x\" 'y'"],
    ["&copy; &mdash; &hellip; &euro;", "© — … €"],
    ["&#65;&#x42;&#X43;", "ABC"],
    ["&#128512;", "😀"],
    ["&#0; &#xD800; &#x110000;", "\uFFFD \uFFFD \uFFFD"],
    ["&amp without semicolon", "& without semicolon"],
    ["&unknown; stays", "&unknown; stays"],
    ["&amp;lt;", "&lt;"],
  ])("%s → %s", (input, output) => {
    expect(decodeEntities(input)).toBe(output);
  });
});

describe("htmlToText", () => {
  it("keeps the words and block structure, drops the rest", () => {
    const html = `<html><head><title>  The   Title </title>
      <style>body { color: red }</style><script>var hidden = 1;</script>
      <head><body><!-- a comment --><div>First
      line</div><p>Second <a href="/x">link</a>&nbsp;here</p>
      <svg><text>vector</text></svg><template><p>later</p></template>
      <table><tr><td>a</td><td>b</td></tr></table>a<br>b</body></html>`;
    expect(htmlToText(html)).toEqual({
      title: "The Title",
      text: "First line\n\nSecond link here\n\na b\n\na\nb",
    });
  });

  it("drops whatever text the head holds", () => {
    const html = '<head><meta charset="utf-8">stray<link rel="icon"></head>';
    expect(htmlToText(`${html}<body>body text</body>`)).toEqual({
      text: "body text",
    });
  });

  it("ends a head without </head> at <body>", () => {
    expect(htmlToText("<head><title>T</title><body><p>kept")).toEqual({
      title: "T",
      text: "kept",
    });
  });

  it("drops an unclosed script to the end", () => {
    expect(htmlToText("<p>kept</p><script>if (a < b) alert(1)")).toEqual({
      text: "kept",
    });
  });

  it("decodes entities after removing tags, so they stay text", () => {
    expect(htmlToText("<p>&lt;script&gt;x&lt;/script&gt;</p>").text).toBe(
      "<script>x</script>",
    );
  });

  it.each([
    ["unclosed tags", "<a".repeat(1_000_000)],
    ["unclosed scripts", "<script".repeat(250_000)],
    ["unclosed titles", "<title>".repeat(250_000)],
    ["unclosed comments", "<!--".repeat(500_000)],
  ])("stays linear on 2 MB of %s", (_, html) => {
    const start = performance.now();
    htmlToText(html);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
