"use client";

import type { UseChatHelpers } from "@ai-sdk/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ThreadView, Versions } from "@/lib/chat/thread";
import { ParleyError, parseErrorBody } from "@/lib/errors";
import type { ParleyMessage } from "@/lib/types";

/** What a message's actions can do to the conversation's branches. */
export type BranchControls = {
  versions: Versions;
  busy: boolean;
  regenerate: (messageId: string) => void;
  edit: (messageId: string, text: string) => void;
  continueReply: (messageId: string) => void;
  showVersion: (messageId: string, siblingId: string) => Promise<void>;
};

/**
 * Regenerate, edit, continue and version switching. The server owns the
 * tree: useChat holds only the branch shown, replaced whole when it changes,
 * and the version lists are fetched again after every reply.
 */
export function useBranching({
  id,
  chat,
  initialVersions,
}: {
  id: string;
  chat: UseChatHelpers<ParleyMessage>;
  initialVersions: Versions;
}): BranchControls {
  const { messages, status, setMessages, sendMessage, regenerate } = chat;
  const { clearError } = chat;
  const [versions, setVersions] = useState(initialVersions);
  // Only the newest answer may land: a slow one must not undo a switch.
  const ticket = useRef(0);
  const busy = status === "submitted" || status === "streaming";
  const wasBusy = useRef(busy);

  useEffect(() => {
    if (wasBusy.current && !busy) {
      const mine = ++ticket.current;
      void readThread(id)
        .then((thread) => {
          if (mine === ticket.current) setVersions(thread.versions);
        })
        // The lists stay as they were; the next reply or reload fixes them.
        .catch(() => undefined);
    }
    wasBusy.current = busy;
  }, [busy, id]);

  const showVersion = useCallback(
    async (messageId: string, siblingId: string) => {
      const mine = ++ticket.current;
      const thread = await readThread(id, { messageId, siblingId });
      if (mine !== ticket.current) return;
      clearError();
      setMessages(thread.messages);
      setVersions(thread.versions);
    },
    [id, clearError, setMessages],
  );

  const edit = useCallback(
    (messageId: string, text: string) => {
      const index = messages.findIndex((message) => message.id === messageId);
      if (index === -1) return;
      clearError();
      setMessages(messages.slice(0, index));
      void sendMessage({ text }, { body: { editOf: messageId } });
    },
    [messages, clearError, setMessages, sendMessage],
  );

  const regenerateReply = useCallback(
    (messageId: string) => {
      clearError();
      void regenerate({ messageId });
    },
    [clearError, regenerate],
  );

  const continueReply = useCallback(
    (messageId: string) => {
      clearError();
      void regenerate({ messageId, body: { continueReply: true } });
    },
    [clearError, regenerate],
  );

  return {
    versions,
    busy,
    regenerate: regenerateReply,
    edit,
    continueReply,
    showVersion,
  };
}

/** The shown branch; with `change`, after switching a message's version. */
async function readThread(
  conversationId: string,
  change?: { messageId: string; siblingId: string },
): Promise<ThreadView> {
  const response = await fetch(`/api/conversations/${conversationId}/branch`, {
    method: change ? "POST" : "GET",
    headers: change ? { "content-type": "application/json" } : undefined,
    body: change ? JSON.stringify(change) : undefined,
  });
  const text = await response.text();
  if (!response.ok) {
    throw (
      parseErrorBody(text) ??
      new ParleyError("internal:api", "The conversation could not be loaded.")
    );
  }
  return JSON.parse(text) as ThreadView;
}
