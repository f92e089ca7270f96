const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  shy: "",
  copy: "©",
  reg: "®",
  trade: "™",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  lsquo: "‘",
  rsquo: "’",
  sbquo: "‚",
  ldquo: "“",
  rdquo: "”",
  bdquo: "„",
  laquo: "«",
  raquo: "»",
  bull: "•",
  middot: "·",
  deg: "°",
  times: "×",
  divide: "÷",
  plusmn: "±",
  euro: "€",
  pound: "£",
  yen: "¥",
  cent: "¢",
  sect: "§",
  para: "¶",
  dagger: "†",
  larr: "←",
  rarr: "→",
  uarr: "↑",
  darr: "↓",
};

const DROPPED = "script|style|noscript|svg|template|title|iframe|object";
const BLOCKS =
  "address|article|aside|blockquote|br|dd|details|div|dl|dt|fieldset|" +
  "figcaption|figure|footer|form|h[1-6]|header|hr|main|nav|ol|p|pre|" +
  "section|summary|table|tbody|thead|tfoot|tr|ul";

function decodeCodePoint(codePoint: number): string {
  const valid =
    codePoint > 0 &&
    codePoint <= 0x10ffff &&
    (codePoint < 0xd800 || codePoint > 0xdfff);
  return String.fromCodePoint(valid ? codePoint : 0xfffd);
}

/** Decodes numeric references and the common named ones; leaves the rest. */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));?/g,
    (match, decimal?: string, hex?: string, name?: string) => {
      if (decimal) return decodeCodePoint(Number.parseInt(decimal, 10));
      if (hex) return decodeCodePoint(Number.parseInt(hex, 16));
      const named = name ? NAMED_ENTITIES[name.toLowerCase()] : undefined;
      return named ?? match;
    },
  );
}

const collapse = (text: string) =>
  decodeEntities(text).replace(/\s+/g, " ").trim();

/**
 * Readable text of an HTML page. Regular expressions, not a DOM: enough for
 * reading articles and docs, though `<pre>` loses its line breaks. Tags are
 * matched with [^<>]* so a page full of unclosed `<` stays linear to scan.
 */
export function htmlToText(html: string): { title?: string; text: string } {
  const title = /<title\b[^<>]*>([\s\S]*?)(?:<\/title\s*>|$)/i.exec(html)?.[1];
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
    .replace(
      new RegExp(`<(${DROPPED})\\b[^<>]*>[\\s\\S]*?(?:</\\1\\s*>|$)`, "gi"),
      " ",
    )
    // </head> is optional, so the head ends where the body starts.
    .replace(/<head\b[^<>]*>[\s\S]*?(?=<\/head\s*>|<body\b|$)/gi, " ")
    .replace(/\s+/g, " ")
    .replace(/<li\b[^<>]*>/gi, "\n- ")
    .replace(new RegExp(`</?(?:${BLOCKS})\\b[^<>]*>`, "gi"), "\n")
    .replace(/<\/?(?:td|th)\b[^<>]*>/gi, " ")
    .replace(/<\/?[a-zA-Z!?][^<>]*>/g, "")
    .split("\n")
    .map(collapse)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  const cleanTitle = title === undefined ? "" : collapse(title);
  return cleanTitle ? { title: cleanTitle, text } : { text };
}
