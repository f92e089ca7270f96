const fenceOrMath = /^ {0,3}(`{3,}|~{3,}|\$\$)/;
const codeSpan = /(`+)[\s\S]*?\1/g;
const unclosedLink = /\[[^\]\n]*\]\([^)\s]*$/;

/**
 * Closes the code span, bold, strikethrough or link a partial reply has
 * opened but not yet closed, so the markers do not flash as raw characters
 * for a few tokens. A marker with nothing after it yet is hidden instead.
 * Open fences need nothing: CommonMark runs them to the end of the text.
 */
export function closeOpenMarkers(block: string): string {
  if (fenceOrMath.test(block)) return block;
  let text = block.trimEnd();
  let closers = "";
  let prose = text.replace(codeSpan, "");
  const tick = /`+/.exec(prose);
  if (tick) {
    // Everything after an unclosed backtick is code: its stars don't count.
    prose = prose.slice(0, tick.index);
    if (text.endsWith(tick[0])) text = text.slice(0, -tick[0].length);
    else closers += tick[0];
  }
  // The marker opened last closes first.
  const open = ["~~", "**"]
    .filter((marker) => (prose.split(marker).length - 1) % 2 === 1)
    .sort((a, b) => prose.lastIndexOf(b) - prose.lastIndexOf(a));
  for (const marker of open) {
    if (closers === "" && text.endsWith(marker)) {
      text = text.slice(0, -marker.length).trimEnd();
    } else {
      closers += marker;
    }
  }
  if (closers === "" && unclosedLink.test(text)) closers = ")";
  return text + closers;
}
