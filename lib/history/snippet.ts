/** A piece of a search snippet; `match` pieces are shown highlighted. */
export type SnippetSegment = { text: string; match: boolean };

/**
 * FTS5's snippet() marks matches with these; the search index strips them
 * from the text it holds (see the search migration), so they only ever
 * come from snippet() itself.
 */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

/**
 * Splits marked snippet text into plain and matched segments. The client
 * renders segments as text, never as HTML, so the text may hold anything.
 * Adjacent segments of one kind are merged and empty ones dropped.
 */
export function toSnippetSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  let match = false;
  let text = "";
  for (const character of marked) {
    if (character === MATCH_START || character === MATCH_END) {
      push(text, match);
      text = "";
      match = character === MATCH_START;
    } else {
      text += character;
    }
  }
  push(text, match);
  return segments;
}
