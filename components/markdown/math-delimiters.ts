const pattern = new RegExp(
  [
    // Code spans first, so that TeX-looking text inside them is skipped.
    /(`+)[\s\S]*?\1/.source,
    /(?<!\\)\\\[([\s\S]+?)(?<!\\)\\\]/.source,
    /(?<!\\)\\\(([\s\S]+?)(?<!\\)\\\)/.source,
    /^([ \t]*)\$\$([^\n$]+)\$\$[ \t]*$/.source,
  ].join("|"),
  "gm",
);

const fence = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Rewrites the TeX delimiters models emit but remark-math does not read:
 * `\(...\)` becomes `$...$`, `\[...\]` becomes `$$...$$`, and a line that
 * is only `$$...$$` becomes a display block instead of inline math.
 */
export function normalizeMath(block: string): string {
  if (fence.test(block)) return block;
  if (!/\\\(|\\\[|\$\$/.test(block)) return block;
  return block.replace(
    pattern,
    (match, _ticks, display, inline, indent, line, offset: number) => {
      if (inline !== undefined) return `$${inline}$`;
      if (line !== undefined) return indent + displayBlock(line, indent);
      if (display === undefined) return match;
      const lineStart = block.lastIndexOf("\n", offset - 1) + 1;
      const before = block.slice(lineStart, offset);
      const after = block.slice(offset + match.length).split("\n", 1)[0];
      const ownLine = before.trim() === "" && after?.trim() === "";
      return ownLine ? displayBlock(display, before) : `$$${display}$$`;
    },
  );
}

function displayBlock(tex: string, indent: string): string {
  // The opening line keeps its own indentation; the others copy it, so a
  // block stays inside the list item it was written in.
  return `$$\n${indent}${tex.trim()}\n${indent}$$`;
}
