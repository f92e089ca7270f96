"use client";

import { useCopy } from "@/components/use-copy";

export function CopyButton({ text }: { text: string }) {
  const { copied, copy } = useCopy();
  return (
    <>
      <button
        type="button"
        aria-label="Copy code"
        onClick={() => copy(text)}
        className="rounded px-2 py-0.5 text-xs text-zinc-600 hover:bg-zinc-200 dark:text-zinc-400 dark:hover:bg-zinc-700"
      >
        {copied ? "Copied" : "Copy"}
      </button>
      {/* The button's name stays "Copy code"; this tells screen readers. */}
      <span aria-live="polite" className="sr-only">
        {copied ? "Code copied" : ""}
      </span>
    </>
  );
}
