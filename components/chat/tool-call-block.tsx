"use client";

import type { DynamicToolUIPart, ToolUIPart } from "ai";
import { useState } from "react";

const stateLabels: Record<string, string> = {
  "input-streaming": "preparing",
  "input-available": "running",
  "approval-requested": "awaiting approval",
  "approval-responded": "running",
  "output-available": "done",
  "output-error": "error",
  "output-denied": "denied",
};

export function ToolCallBlock({
  part,
  name,
}: {
  part: ToolUIPart | DynamicToolUIPart;
  name: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div
      data-testid="tool-call"
      data-tool-name={name}
      data-state={part.state}
      className="rounded-lg border border-zinc-200 text-sm dark:border-zinc-800"
    >
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center gap-2 px-3 py-2 text-left"
      >
        <span className="font-mono">{name}</span>
        <span className="text-zinc-500">
          {stateLabels[part.state] ?? part.state}
        </span>
        <span aria-hidden className="ml-auto">
          {open ? "▾" : "▸"}
        </span>
      </button>
      {open ? (
        <div className="space-y-2 border-t border-zinc-200 px-3 py-2 dark:border-zinc-800">
          <Section label="Arguments" value={part.input} />
          {part.state === "output-available" ? (
            <Section label="Result" value={part.output} />
          ) : null}
          {part.state === "output-error" ? (
            <p className="text-red-700 dark:text-red-300">{part.errorText}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function Section({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <div className="text-xs text-zinc-500">{label}</div>
      <pre className="overflow-x-auto text-xs whitespace-pre-wrap">
        {JSON.stringify(value ?? null, null, 2)}
      </pre>
    </div>
  );
}
