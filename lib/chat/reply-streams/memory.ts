import type { UIMessageChunk } from "ai";
import { stopGenerations } from "../generations";
import {
  FINISHED_REPLY_TTL_SECONDS,
  type ReplyStreams,
  type ReplyStreamWriter,
} from "./types";

type Entry = {
  messageId: string;
  chunks: UIMessageChunk[];
  done: boolean;
  /** Followers waiting for the next chunk. */
  wake: Set<() => void>;
};

/** Replies of this process only: the store when no REDIS_URL is set. */
export function createMemoryReplyStreams(): ReplyStreams {
  const entries = new Map<string, Entry>();

  function publish({
    conversationId,
    messageId,
  }: {
    conversationId: string;
    messageId: string;
  }): ReplyStreamWriter {
    const entry: Entry = {
      messageId,
      chunks: [],
      done: false,
      wake: new Set(),
    };
    entries.set(conversationId, entry);
    const notify = () => {
      for (const wake of entry.wake) wake();
      entry.wake.clear();
    };
    return {
      append: (chunk) => {
        entry.chunks.push(chunk);
        notify();
      },
      close: () => {
        entry.done = true;
        notify();
        setTimeout(() => {
          if (entries.get(conversationId) === entry) {
            entries.delete(conversationId);
          }
        }, FINISHED_REPLY_TTL_SECONDS * 1000).unref();
      },
    };
  }

  async function follow({
    conversationId,
    signal,
  }: {
    conversationId: string;
    signal: AbortSignal;
  }): Promise<ReadableStream<UIMessageChunk> | null> {
    const entry = entries.get(conversationId);
    if (!entry) return null;
    let next = 0;
    let wakeFollower: (() => void) | undefined;
    signal.addEventListener("abort", () => wakeFollower?.(), { once: true });
    return new ReadableStream<UIMessageChunk>({
      async pull(controller) {
        while (next >= entry.chunks.length && !entry.done) {
          if (signal.aborted) {
            controller.close();
            return;
          }
          await new Promise<void>((resolve) => {
            wakeFollower = resolve;
            entry.wake.add(resolve);
          });
        }
        const chunk = entry.chunks[next];
        if (chunk === undefined) {
          controller.close();
          return;
        }
        next += 1;
        controller.enqueue(chunk);
      },
    });
  }

  return {
    publish,
    follow,
    stop: async (conversationId) =>
      stopGenerations({ conversationId, reason: "user" }),
    close: async () => {},
  };
}
