import "server-only";
import type { UIMessageChunk } from "ai";
import { getEnv } from "@/lib/env";
import { describeError, log } from "@/lib/log";
import { stopGenerations } from "../generations";
import { createMemoryReplyStreams } from "./memory";
import { createRedisReplyStreams } from "./redis";
import type { ReplyStreams } from "./types";

export type { ReplyStreams, ReplyStreamWriter } from "./types";

const RETRY_AFTER_MS = 30_000;

// One store per process, kept on globalThis like the database client.
const globalForStreams = globalThis as unknown as {
  parleyReplyStreams?: Promise<ReplyStreams>;
};

/** Redis when REDIS_URL is set (shared by every instance), else memory. */
export function getReplyStreams(): Promise<ReplyStreams> {
  globalForStreams.parleyReplyStreams ??= createStore();
  return globalForStreams.parleyReplyStreams;
}

function createStore(): Promise<ReplyStreams> {
  const url = getEnv().REDIS_URL;
  if (!url) return Promise.resolve(createMemoryReplyStreams());
  return createRedisReplyStreams(url).catch((error: unknown) => {
    // Replies go on unshared meanwhile; Redis is tried again after a pause
    // rather than holding up every reply with a connection attempt.
    setTimeout(() => {
      globalForStreams.parleyReplyStreams = undefined;
    }, RETRY_AFTER_MS).unref();
    throw error;
  });
}

/**
 * The reply running for a conversation, from its first chunk, or null when
 * none runs or the shared store cannot be reached (the page then shows what
 * was saved).
 */
export async function joinReply(options: {
  conversationId: string;
  signal: AbortSignal;
}): Promise<ReadableStream<UIMessageChunk> | null> {
  try {
    return await (await getReplyStreams()).follow(options);
  } catch (error) {
    log.warn("reply not joined", {
      conversationId: options.conversationId,
      ...describeError(error),
    });
    return null;
  }
}

/** Stops a conversation's reply wherever it runs; how many were asked. */
export async function stopReply(conversationId: string): Promise<number> {
  try {
    return await (await getReplyStreams()).stop(conversationId);
  } catch (error) {
    log.warn("stop not shared", { conversationId, ...describeError(error) });
    return stopGenerations({ conversationId, reason: "user" });
  }
}
