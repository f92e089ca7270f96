"use client";

import { useRef } from "react";
import { MarkdownBlock } from "./markdown-block";
import {
  type Blocks,
  blockSources,
  linkDefinitions,
  splitBlocks,
} from "./split-blocks";

/** Renders each top-level block of `text` on its own (see MarkdownBlock). */
export function MarkdownBlocks({
  text,
  streaming,
}: {
  text: string;
  streaming: boolean;
}) {
  // A cache, not state: the split of the previous text makes the next one
  // cheap while a reply streams.
  const blocks = useRef<Blocks | undefined>(undefined);
  if (blocks.current?.text !== text) {
    blocks.current = splitBlocks(text, blocks.current);
  }
  const sources = blockSources(blocks.current);
  const definitions = linkDefinitions(blocks.current, sources);
  return (
    <div className="markdown">
      {sources.map((source, index) => (
        <MarkdownBlock
          // Blocks only grow or get added at the end while a reply streams.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          source={source}
          definitions={definitions}
          streaming={streaming && index === sources.length - 1}
        />
      ))}
    </div>
  );
}
