"use client";

import { CopyButton } from "./copy-button";
import { useHighlighted } from "./use-highlighted";

export function CodeBlock({
  code,
  language,
}: {
  code: string;
  language: string | undefined;
}) {
  const html = useHighlighted(code, language);
  return (
    <div
      data-testid="code-block"
      className="my-3 overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-center justify-between border-b border-zinc-200 px-3 py-1 dark:border-zinc-800">
        <span className="font-mono text-xs text-zinc-500">
          {language ?? "text"}
        </span>
        <CopyButton text={code} />
      </div>
      <pre
        data-language={language}
        data-highlighted={html === undefined ? undefined : ""}
        className="overflow-x-auto p-3 text-sm leading-relaxed"
      >
        {html === undefined ? (
          <code>{code}</code>
        ) : (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: highlight.js escapes the code; its markup is spans only
          <code className="hljs" dangerouslySetInnerHTML={{ __html: html }} />
        )}
      </pre>
    </div>
  );
}
