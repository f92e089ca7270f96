"use client";

import { lazy, Suspense } from "react";
import { plainText } from "./plain-text";

const loadBlocks = () => import("./markdown-blocks");

const MarkdownBlocks = lazy(() =>
  loadBlocks().then((module) => ({ default: module.MarkdownBlocks })),
);

// The parser and renderer stay out of the chat page's first load but are
// fetched as soon as the page runs, well before a reply can arrive.
if (typeof window !== "undefined") void loadBlocks();

/**
 * An assistant reply as GitHub-flavoured Markdown with math. Raw HTML shows
 * as text, links are limited to web and mail, images become links.
 */
export function Markdown(props: { text: string; streaming: boolean }) {
  return (
    <Suspense
      fallback={
        <div className="leading-relaxed whitespace-pre-wrap">
          {plainText(props.text)}
        </div>
      }
    >
      <MarkdownBlocks {...props} />
    </Suspense>
  );
}
