"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import type { SettingsChoice } from "@/components/settings/settings-dialog";
import { formatTokenCount } from "@/lib/format";
import type { ParleyMessage } from "@/lib/types";
import { formatCost, sumUsage } from "@/lib/usage-totals";

// The dialog (and the settings schema it validates with) is only needed
// once someone opens it: it stays out of the chat page's first load.
const SettingsDialog = dynamic(
  () =>
    import("@/components/settings/settings-dialog").then(
      (module) => module.SettingsDialog,
    ),
  { ssr: false },
);

const ShareDialog = dynamic(
  () =>
    import("@/components/share/share-dialog").then(
      (module) => module.ShareDialog,
    ),
  { ssr: false },
);

export function ChatHeader({
  conversationId,
  setup,
  toolNames,
  onSave,
  messages,
}: {
  /** Set once the conversation exists: only then can it be shared. */
  conversationId?: string;
  messages: ParleyMessage[];
  setup: SettingsChoice;
  toolNames: string[];
  onSave: (choice: SettingsChoice) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [sharing, setSharing] = useState(false);
  const totals = sumUsage(messages);
  return (
    <header className="flex items-center gap-2 border-b border-zinc-200 py-2 pr-3 pl-12 md:pl-4 dark:border-zinc-800">
      <span
        data-testid="conversation-model"
        className="min-w-0 flex-1 truncate font-mono text-sm text-zinc-600 dark:text-zinc-400"
      >
        {setup.model}
      </span>
      {totals.replies > 0 ? (
        <span
          data-testid="conversation-totals"
          title="Tokens and cost of the replies shown, as OpenRouter reported them"
          className="shrink-0 text-xs text-zinc-500"
        >
          {formatTokenCount(totals.tokens)} tokens · {formatCost(totals.cost)}
        </span>
      ) : null}
      {conversationId ? (
        <button
          type="button"
          onClick={() => setSharing(true)}
          className="rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Share
        </button>
      ) : null}
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Settings
      </button>
      {open ? (
        <SettingsDialog
          initial={setup}
          toolNames={toolNames}
          onSave={onSave}
          onClose={() => setOpen(false)}
        />
      ) : null}
      {sharing && conversationId ? (
        <ShareDialog
          conversationId={conversationId}
          onClose={() => setSharing(false)}
        />
      ) : null}
    </header>
  );
}
