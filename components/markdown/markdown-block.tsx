"use client";

import { memo, useMemo } from "react";
import ReactMarkdown from "react-markdown";
import { closeOpenMarkers } from "./close-markers";
import { markdownComponents } from "./markdown-components";
import { normalizeMath } from "./math-delimiters";
import { remarkPlugins } from "./plugins";
import { safeUrl } from "./safe-url";

const openFence = /^ {0,3}(`{3,}|~{3,}|\$\$)/;

/**
 * One top-level block. Memoised on its text, so while a reply streams only
 * the last, growing block renders again.
 */
export const MarkdownBlock = memo(function MarkdownBlock({
  source,
  definitions,
  streaming,
}: {
  source: string;
  /** Link reference definitions from anywhere in the reply. */
  definitions: string;
  streaming: boolean;
}) {
  const markdown = useMemo(() => {
    const text = normalizeMath(streaming ? closeOpenMarkers(source) : source);
    // After an open fence the definitions would become code.
    return definitions && !openFence.test(text)
      ? `${text}\n\n${definitions}`
      : text;
  }, [source, definitions, streaming]);
  return (
    <ReactMarkdown
      remarkPlugins={remarkPlugins}
      components={markdownComponents}
      urlTransform={safeUrl}
    >
      {markdown}
    </ReactMarkdown>
  );
});
