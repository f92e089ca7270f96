/** The longest search a person can type (characters, after trimming). */
export const MAX_QUERY_CHARACTERS = 200;

// A word with no letter or digit yields no token, and an empty phrase is an
// FTS5 syntax error; such words are dropped.
const HAS_TOKEN = /[\p{L}\p{N}]/u;

/**
 * Turns what a person typed into an FTS5 MATCH expression: every word a
 * quoted phrase (so operators, quotes, `*`, `:` and parentheses are plain
 * text), all of them required, each a prefix. A one-character word is
 * matched exactly: as a prefix it would match nearly every entry. Returns
 * null when nothing searchable is left.
 */
export function buildMatchQuery(input: string): string | null {
  const words = input
    .split(/\s+/u)
    .filter((word) => HAS_TOKEN.test(word))
    .slice(0, 16);
  if (words.length === 0) return null;
  return words
    .map((word) => {
      const phrase = `"${word.replaceAll('"', '""')}"`;
      return [...word].length > 1 ? `${phrase}*` : phrase;
    })
    .join(" ");
}
