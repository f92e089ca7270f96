"use client";

import { useEffect } from "react";
import type { SettingsChoice } from "@/components/settings/settings-dialog";
import type { Versions } from "@/lib/chat/thread";
import type { ParleyMessage } from "@/lib/types";
import { ChatHeader } from "./chat-header";
import { Composer } from "./composer";
import { ErrorAlert } from "./error-alert";
import { MessageList } from "./message-list";
import { useChatSession } from "./use-chat-session";

export function Chat({
  id,
  initialMessages,
  initialVersions,
  isNew = false,
  setup,
  toolNames,
}: {
  id: string;
  initialMessages: ParleyMessage[];
  initialVersions?: Versions;
  isNew?: boolean;
  setup: SettingsChoice;
  toolNames: string[];
}) {
  const session = useChatSession({
    id,
    initialMessages,
    initialVersions,
    isNew,
    initialSetup: setup,
  });
  const busy = session.status === "submitted" || session.status === "streaming";
  const { stop } = session;

  useEffect(() => {
    if (!busy) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") void stop();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [busy, stop]);

  const last = session.messages.at(-1);
  // An error with no reply to attach it to (the request itself failed) is
  // shown above the composer; otherwise the failed reply shows it.
  const standaloneError =
    session.error && last?.role !== "assistant" ? session.error : undefined;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <ChatHeader
        conversationId={session.messages.length > 0 ? id : undefined}
        messages={session.messages}
        setup={session.setup}
        toolNames={toolNames}
        onSave={session.saveSetup}
      />
      <MessageList
        messages={session.messages}
        chatStatus={session.status}
        liveError={session.error}
        onRetry={session.retry}
        branch={session.branch}
      />
      <div className="mx-auto w-full max-w-3xl px-4 pb-4">
        {standaloneError ? (
          <ErrorAlert error={standaloneError} onRetry={session.retry} />
        ) : null}
        <Composer busy={busy} onSend={session.send} onStop={stop} />
      </div>
    </div>
  );
}
