import type { UIMessageChunk } from "ai";

/** Where a running reply's chunks go, for tabs that join it later. */
export type ReplyStreamWriter = {
  append: (chunk: UIMessageChunk) => void;
  /** The reply ended; late joiners still get the whole of it for a while. */
  close: () => void;
};

/**
 * The replies running now, shared by every instance that can reach the
 * store: a tab that reloads mid-reply (on this instance or another) replays
 * the reply from its first chunk and follows it to the end, and Stop
 * reaches the instance that runs it.
 */
export type ReplyStreams = {
  publish: (reply: {
    conversationId: string;
    messageId: string;
  }) => ReplyStreamWriter;
  /** The running (or just finished) reply of a conversation, or null. */
  follow: (options: {
    conversationId: string;
    signal: AbortSignal;
  }) => Promise<ReadableStream<UIMessageChunk> | null>;
  /** Stops the conversation's reply wherever it runs; how many were asked. */
  stop: (conversationId: string) => Promise<number>;
  /** Closes the store's connections. */
  close: () => Promise<void>;
};

/**
 * How long a finished reply stays available to join: long enough for a tab
 * that loaded the page while the reply was still running.
 */
export const FINISHED_REPLY_TTL_SECONDS = 60;
