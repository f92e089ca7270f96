import katex from "katex";
import "katex/dist/katex.min.css";

/** KaTeX's HTML for `tex`, or undefined when it does not parse (yet). */
export function renderTex(tex: string, display: boolean): string | undefined {
  try {
    // `trust: false` (the default) keeps \href, \url and \html* inert.
    return katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      strict: "ignore",
      trust: false,
    });
  } catch {
    return undefined;
  }
}
