"use client";

import type { ChatStatus } from "ai";
import { useEffect, useRef } from "react";
import type { ParleyError } from "@/lib/errors";
import type { ParleyMessage } from "@/lib/types";
import { MessageActions } from "./message-actions";
import { MessageItem } from "./message-item";
import { displayStatus } from "./message-status";
import type { BranchControls } from "./use-branching";

export function MessageList({
  messages,
  chatStatus,
  liveError,
  onRetry,
  branch,
}: {
  messages: ParleyMessage[];
  chatStatus: ChatStatus;
  liveError: ParleyError | undefined;
  onRetry: () => void;
  branch: BranchControls;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);

  // Follow the reply while it streams, unless the reader scrolled up.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every new token
  useEffect(() => {
    const element = scroller.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [messages]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    const distance =
      element.scrollHeight - element.scrollTop - element.clientHeight;
    pinned.current = distance < 48;
  };

  if (messages.length === 0) {
    return (
      <div className="flex flex-1 items-center justify-center p-8 text-center text-zinc-500">
        <p>Ask anything. Replies stream from OpenRouter as they are written.</p>
      </div>
    );
  }

  return (
    <div ref={scroller} onScroll={onScroll} className="flex-1 overflow-y-auto">
      <ol className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6">
        {messages.map((message, index) => {
          const isLast = index === messages.length - 1;
          const status = displayStatus(message, { isLast, chatStatus });
          const error =
            status === "failed"
              ? ((isLast ? liveError : undefined) ?? message.metadata?.error)
              : undefined;
          return (
            <MessageItem
              key={message.id}
              message={message}
              status={status}
              error={error}
              onRetry={isLast ? onRetry : undefined}
              actions={
                <MessageActions
                  message={message}
                  status={status}
                  branch={branch}
                />
              }
            />
          );
        })}
      </ol>
    </div>
  );
}
