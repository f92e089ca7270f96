"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import {
  type RefObject,
  useCallback,
  useEffect,
  useRef,
  useState,
} from "react";
import type { SettingsChoice } from "@/components/settings/settings-dialog";
import type { Versions } from "@/lib/chat/thread";
import { announceConversationsChanged } from "@/lib/client-events";
import { ParleyError, parseErrorBody } from "@/lib/errors";
import type { ParleyMessage } from "@/lib/types";
import { useBranching } from "./use-branching";

function createTransport(setup: RefObject<SettingsChoice>) {
  return new DefaultChatTransport<ParleyMessage>({
    api: "/api/chat",
    // The server holds the history: send only the new message, or, for a
    // retry, which message to answer again. useChat knows no "continue", so
    // it travels as a regenerate of the unfinished reply, marked in `body`.
    prepareSendMessagesRequest: ({
      id,
      messages,
      trigger,
      messageId,
      body,
    }) => {
      const last = messages.at(-1);
      if (trigger === "regenerate-message" && body?.continueReply) {
        return { body: { trigger: "continue-message", id, messageId } };
      }
      if (trigger === "regenerate-message") {
        return { body: { trigger, id, parentId: last?.id } };
      }
      return {
        body: {
          trigger,
          id,
          message: { id: last?.id, role: "user", parts: last?.parts },
          // Only used when this message creates the conversation.
          setup: setup.current,
          editOf: body?.editOf,
        },
      };
    },
  });
}

/** The browser side of one conversation: sending, stopping, retrying. */
export function useChatSession({
  id,
  initialMessages,
  initialVersions = {},
  isNew,
  initialSetup,
}: {
  id: string;
  initialMessages: ParleyMessage[];
  initialVersions?: Versions;
  isNew: boolean;
  initialSetup: SettingsChoice;
}) {
  const [setup, setSetup] = useState(initialSetup);
  const setupRef = useRef(setup);
  setupRef.current = setup;
  const [transport] = useState(() => createTransport(setupRef));
  const chat = useChat<ParleyMessage>({
    id,
    messages: initialMessages,
    transport,
    // A reply still running on the server (the page was reloaded, or opened
    // in another tab) is joined from its first chunk and followed live.
    resume: initialMessages.at(-1)?.metadata?.status === "streaming",
    onFinish: () => announceConversationsChanged(),
  });
  const { status, messages, sendMessage, regenerate, clearError } = chat;
  const announced = useRef(!isNew);
  const branch = useBranching({ id, chat, initialVersions });

  // The conversation (and its title) exists once the reply starts streaming.
  useEffect(() => {
    if (status === "streaming" && !announced.current) {
      announced.current = true;
      announceConversationsChanged();
    }
  }, [status]);

  const send = useCallback(
    (text: string) => {
      if (isNew && window.location.pathname !== `/c/${id}`) {
        window.history.replaceState(null, "", `/c/${id}`);
      }
      void sendMessage({ text });
    },
    [id, isNew, sendMessage],
  );

  const stop = useCallback(async () => {
    try {
      const response = await fetch(`/api/chat/${id}/stop`, {
        method: "POST",
        headers: { "content-type": "application/json" },
      });
      const body = (await response.json()) as { stopped?: number };
      // Nothing running on the server yet: drop the request in flight.
      if (!response.ok || !body.stopped) await chat.stop();
    } catch {
      await chat.stop();
    }
  }, [id, chat]);

  const retry = useCallback(() => {
    const last = messages.at(-1);
    clearError();
    if (last?.role === "user") {
      // The request failed before the server saved anything: send again.
      void sendMessage({ messageId: last.id, parts: last.parts, role: "user" });
    } else {
      void regenerate();
    }
  }, [messages, clearError, sendMessage, regenerate]);

  const saveSetup = useCallback(
    async (next: SettingsChoice) => {
      const response = await fetch(`/api/conversations/${id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(next),
      });
      // 404: the conversation starts with its first message, which will
      // carry these settings.
      if (!response.ok && response.status !== 404) {
        const error = parseErrorBody(await response.text());
        throw new Error(error?.message ?? "The settings could not be saved.");
      }
      setSetup(next);
    },
    [id],
  );

  return {
    setup,
    saveSetup,
    messages,
    status,
    error: chat.error ? toDisplayError(chat.error) : undefined,
    send,
    stop,
    retry,
    branch,
  };
}

function toDisplayError(error: Error): ParleyError {
  const parsed = parseErrorBody(error.message);
  if (parsed) return parsed;
  if (error instanceof TypeError) {
    return new ParleyError(
      "internal:api",
      "Could not reach the Parley server. Check that it is running, then retry.",
    );
  }
  return new ParleyError(
    "internal:api",
    error.message || "Something went wrong.",
  );
}
