"use client";

import { useEffect, useState } from "react";

/** Open while the model reasons, folded away once it answers. */
export function ReasoningBlock({
  text,
  streaming,
  note,
}: {
  text: string;
  streaming: boolean;
  /** Duration and token count, shown once the reasoning is over. */
  note?: string;
}) {
  const [open, setOpen] = useState(streaming);
  useEffect(() => setOpen(streaming), [streaming]);
  return (
    <div
      data-testid="reasoning"
      className="rounded-lg border border-zinc-200 text-sm dark:border-zinc-800"
    >
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center gap-2 px-3 py-2 text-left text-zinc-600 dark:text-zinc-400"
      >
        <span>
          {streaming
            ? "Reasoning…"
            : note
              ? `Reasoning · ${note}`
              : "Reasoning"}
        </span>
        <span aria-hidden className="ml-auto">
          {open ? "▾" : "▸"}
        </span>
      </button>
      {open ? (
        <div className="border-t border-zinc-200 px-3 py-2 whitespace-pre-wrap text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          {text}
        </div>
      ) : null}
    </div>
  );
}
