"use client";

import { useEffect, useState } from "react";
import { Collapsible } from "./collapsible";

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
  const label = streaming
    ? "Reasoning…"
    : note
      ? `Reasoning · ${note}`
      : "Reasoning";
  return (
    <Collapsible
      data-testid="reasoning"
      open={open}
      onToggle={() => setOpen(!open)}
      summary={
        <span className="text-zinc-600 dark:text-zinc-400">{label}</span>
      }
      bodyClassName="whitespace-pre-wrap text-zinc-600 dark:text-zinc-400"
    >
      {text}
    </Collapsible>
  );
}
