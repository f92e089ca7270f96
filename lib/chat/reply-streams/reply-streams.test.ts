import { randomUUID } from "node:crypto";
import type { UIMessageChunk } from "ai";
import { afterAll, describe, expect, it } from "vitest";
import { missingService, TEST_REDIS_URL } from "@/e2e/support/services";
import { createMemoryReplyStreams } from "./memory";
import { createRedisReplyStreams } from "./redis";
import type { ReplyStreams } from "./types";

const text = (delta: string): UIMessageChunk => ({
  type: "text-delta",
  id: "t",
  delta,
});

async function readAll(stream: ReadableStream<UIMessageChunk>) {
  const chunks: UIMessageChunk[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

const redisMissing = await missingService("Redis", TEST_REDIS_URL);
const stores: [string, () => Promise<ReplyStreams>, string | undefined][] = [
  ["memory", async () => createMemoryReplyStreams(), undefined],
  ["redis", () => createRedisReplyStreams(TEST_REDIS_URL), redisMissing],
];
const opened: ReplyStreams[] = [];
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
});

describe.each(stores)("%s reply streams", (_name, create, skipReason) => {
  const run = skipReason ? it.skip : it;
  const open = async () => {
    const store = await create();
    opened.push(store);
    return store;
  };

  run("replays what was sent, then follows live to the end", async () => {
    const streams = await open();
    const conversationId = randomUUID();
    const writer = streams.publish({ conversationId, messageId: "m1" });
    writer.append({ type: "start", messageId: "m1" });
    writer.append(text("Hello"));
    await new Promise((resolve) => setTimeout(resolve, 50));

    const joined = await streams.follow({
      conversationId,
      signal: new AbortController().signal,
    });
    expect(joined).not.toBeNull();
    const reading = readAll(joined as ReadableStream<UIMessageChunk>);
    writer.append(text(", world"));
    writer.append({ type: "finish" });
    writer.close();

    expect(await reading).toEqual([
      { type: "start", messageId: "m1" },
      text("Hello"),
      text(", world"),
      { type: "finish" },
    ]);
  });

  run("a finished reply can still be joined for a while", async () => {
    const streams = await open();
    const conversationId = randomUUID();
    const writer = streams.publish({ conversationId, messageId: "m1" });
    writer.append(text("done"));
    writer.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const joined = await streams.follow({
      conversationId,
      signal: new AbortController().signal,
    });
    expect(await readAll(joined as ReadableStream<UIMessageChunk>)).toEqual([
      text("done"),
    ]);
  });

  run("nothing to join: null", async () => {
    const streams = await open();
    const joined = await streams.follow({
      conversationId: randomUUID(),
      signal: new AbortController().signal,
    });
    expect(joined).toBeNull();
  });

  run("a follower that leaves stops reading", async () => {
    const streams = await open();
    const conversationId = randomUUID();
    const writer = streams.publish({ conversationId, messageId: "m1" });
    writer.append(text("one"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const leave = new AbortController();
    const joined = await streams.follow({
      conversationId,
      signal: leave.signal,
    });
    const reading = readAll(joined as ReadableStream<UIMessageChunk>);
    setTimeout(() => leave.abort(), 100);
    expect(await reading).toEqual([text("one")]);
    writer.close();
  });
});
