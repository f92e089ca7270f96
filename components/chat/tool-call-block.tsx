"use client";

import type { DynamicToolUIPart, ToolUIPart } from "ai";
import { useState } from "react";
import { Collapsible } from "./collapsible";

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
    <Collapsible
      data-testid="tool-call"
      data-tool-name={name}
      data-state={part.state}
      open={open}
      onToggle={() => setOpen(!open)}
      summary={
        <>
          <span className="font-mono">{name}</span>
          <span className="text-zinc-500">
            {stateLabels[part.state] ?? part.state}
          </span>
        </>
      }
      bodyClassName="space-y-2"
    >
      <Section label="Arguments" value={part.input} />
      {part.state === "output-available" ? (
        <Section label="Result" value={part.output} />
      ) : null}
      {part.state === "output-error" ? (
        <p className="text-red-700 dark:text-red-300">{part.errorText}</p>
      ) : null}
    </Collapsible>
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
