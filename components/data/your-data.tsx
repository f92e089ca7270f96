"use client";

import { type ChangeEvent, useState } from "react";
import { announceConversationsChanged } from "@/lib/client-events";
import { parseErrorBody } from "@/lib/errors";

type Summary = {
  conversationsCreated: number;
  conversationsUpdated: number;
  messagesAdded: number;
  messagesSkipped: number;
};

type Outcome =
  | { kind: "idle" }
  | { kind: "busy"; name: string }
  | { kind: "done"; text: string }
  | { kind: "failed"; text: string };

const linkClass =
  "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Settings section: download everything, or import a Parley export. */
export function YourData() {
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setOutcome({ kind: "busy", name: file.name });
    try {
      const response = await fetch("/api/import", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: file,
      });
      const text = await response.text();
      if (!response.ok) {
        const error = parseErrorBody(text);
        setOutcome({
          kind: "failed",
          text:
            error?.message ?? `The import failed (HTTP ${response.status}).`,
        });
        return;
      }
      setOutcome({
        kind: "done",
        text: summarize(JSON.parse(text) as Summary),
      });
      announceConversationsChanged();
    } catch {
      setOutcome({
        kind: "failed",
        text: "Could not reach the Parley server. Check that it is running, then try again.",
      });
    } finally {
      // The same file can be chosen again, after a fix say.
      input.value = "";
    }
  }

  return (
    <section aria-labelledby="your-data" className="mt-10">
      <h2 id="your-data" className="mb-1 text-lg font-semibold">
        Your data
      </h2>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        JSON holds everything: every branch, reasoning, tool calls, usage and
        cost, and imports into this or another Parley without duplicates.
        Markdown is for reading.
      </p>
      <div className="mb-4 flex flex-wrap gap-2">
        <a className={linkClass} href="/api/export?format=json" download>
          Export all as JSON
        </a>
        <a className={linkClass} href="/api/export?format=markdown" download>
          Export all as Markdown
        </a>
      </div>
      <label className="block text-sm">
        <span className="mb-1 block font-medium">Import file</span>
        <input
          type="file"
          accept="application/json,.json"
          onChange={onFile}
          disabled={outcome.kind === "busy"}
          className="text-sm"
        />
      </label>
      <div className="mt-3 text-sm" aria-live="polite">
        {outcome.kind === "busy" ? <p>Importing {outcome.name}…</p> : null}
        {outcome.kind === "done" ? <p role="status">{outcome.text}</p> : null}
      </div>
      {outcome.kind === "failed" ? (
        <p
          role="alert"
          className="mt-3 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}

function summarize(summary: Summary): string {
  const conversations =
    summary.conversationsCreated + summary.conversationsUpdated;
  if (summary.messagesAdded === 0) {
    return "Nothing to import: everything in this file is already here.";
  }
  const parts = [
    `Imported ${summary.messagesAdded} ${plural(summary.messagesAdded, "message")} ` +
      `into ${conversations} ${plural(conversations, "conversation")}`,
  ];
  if (summary.conversationsCreated > 0) {
    parts.push(`${summary.conversationsCreated} new`);
  }
  if (summary.messagesSkipped > 0) {
    parts.push(
      `${summary.messagesSkipped} ${plural(summary.messagesSkipped, "message was", "messages were")} already here`,
    );
  }
  return `${parts.join("; ")}.`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}
