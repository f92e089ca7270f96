import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { gfmOptions } from "./plugins";

const parser = unified()
  .use(remarkParse)
  .use(remarkGfm, gfmOptions)
  .use(remarkMath)
  .freeze();

/** Where each top-level block of `text` starts, and its mdast type. */
export type Blocks = { text: string; starts: number[]; types: string[] };

/**
 * Splits `text` into top-level blocks. When `text` only grew since
 * `previous`, everything before the last block is closed (a later top-level
 * block cannot reopen it), so only the last block is parsed again.
 */
export function splitBlocks(text: string, previous?: Blocks): Blocks {
  const last = previous?.starts.at(-1);
  if (previous && last !== undefined && text.startsWith(previous.text)) {
    const tail = parseBlocks(text.slice(last));
    return {
      text,
      starts: [
        ...previous.starts.slice(0, -1),
        ...tail.starts.map((start) => start + last),
      ],
      types: [...previous.types.slice(0, -1), ...tail.types],
    };
  }
  return { text, ...parseBlocks(text) };
}

function parseBlocks(text: string): Omit<Blocks, "text"> {
  const starts: number[] = [];
  const types: string[] = [];
  for (const node of parser.parse(text).children) {
    const offset = node.position?.start.offset;
    if (offset === undefined) continue;
    // From the start of the line, so indentation stays with its block.
    starts.push(text.lastIndexOf("\n", offset - 1) + 1);
    types.push(node.type);
  }
  return starts.length > 0 ? { starts, types } : { starts: [0], types: [""] };
}

export function blockSources({ text, starts }: Blocks): string[] {
  return starts.map((start, index) =>
    text.slice(start, starts[index + 1] ?? text.length).trimEnd(),
  );
}

/**
 * The reply's link reference definitions (`[1]: https://...`), which every
 * block needs to resolve `[text][1]`. Footnotes are not carried over: a
 * `[^1]` in one block and its note in another show as plain text.
 */
export function linkDefinitions(blocks: Blocks, sources: string[]): string {
  return sources
    .filter((_, index) => blocks.types[index] === "definition")
    .join("\n");
}
