import { createClient } from "@redis/client";
import type { UIMessageChunk } from "ai";
import { describeError, log } from "@/lib/log";
import { stopGenerations } from "../generations";
import {
  FINISHED_REPLY_TTL_SECONDS,
  type ReplyStreams,
  type ReplyStreamWriter,
} from "./types";

// One Redis stream per conversation holds the running reply's chunks (field
// `c`, JSON) and ends with an entry whose field is `end`. Stop requests go
// to every instance over a channel; the one running the reply aborts it.
const STOP_CHANNEL = "parley:stop";
const keyOf = (conversationId: string) => `parley:reply:${conversationId}`;
/** A reply that outlives this is cut off from late joiners, not stopped. */
const RUNNING_REPLY_TTL_SECONDS = 6 * 60 * 60;
const BLOCK_MS = 5_000;
const CONNECT_TIMEOUT_MS = 5_000;

type Client = ReturnType<typeof createClient>;
/** XRANGE / XREAD entries in RESP2: [id, [field, value, ...]]. */
type Entry = [string, string[]];

export async function createRedisReplyStreams(
  url: string,
): Promise<ReplyStreams> {
  const options = { url, RESP: 2 as const };
  const client = createClient(options);
  const subscriber = createClient(options);
  for (const [name, connection] of [
    ["commands", client],
    ["subscriber", subscriber],
  ] as const) {
    // Without a listener node-redis would throw; it reconnects by itself.
    connection.on("error", (error) =>
      log.warn("redis connection error", {
        connection: name,
        ...describeError(error),
      }),
    );
  }
  await withTimeout(
    Promise.all([client.connect(), subscriber.connect()]),
    CONNECT_TIMEOUT_MS,
    `Redis at REDIS_URL did not answer within ${CONNECT_TIMEOUT_MS / 1000} s.`,
  ).catch((error: unknown) => {
    client.destroy();
    subscriber.destroy();
    throw error;
  });
  await subscriber.subscribe(STOP_CHANNEL, (conversationId) => {
    stopGenerations({ conversationId, reason: "user" });
  });

  function publish({
    conversationId,
  }: {
    conversationId: string;
    messageId: string;
  }): ReplyStreamWriter {
    const key = keyOf(conversationId);
    // Commands go out in order on one connection; a failure loses the
    // joiners' copy of the reply, never the reply itself.
    const send = (command: string[]) =>
      client.sendCommand(command).catch((error: unknown) => {
        log.warn("reply stream not shared", {
          conversationId,
          ...describeError(error),
        });
      });
    void send(["DEL", key]);
    let first = true;
    return {
      append: (chunk) => {
        void send(["XADD", key, "*", "c", JSON.stringify(chunk)]);
        if (first) {
          first = false;
          void send(["EXPIRE", key, String(RUNNING_REPLY_TTL_SECONDS)]);
        }
      },
      close: () => {
        void send(["XADD", key, "*", "end", "1"]);
        void send(["EXPIRE", key, String(FINISHED_REPLY_TTL_SECONDS)]);
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
    const key = keyOf(conversationId);
    const first = (await client.sendCommand(["XRANGE", key, "-", "+"])) as
      | Entry[]
      | null;
    if (!first || first.length === 0) return null;
    // A blocking read holds its connection, so each follower gets its own.
    let reader: Client | undefined;
    let pending: Entry[] = first;
    let lastId = first.at(-1)?.[0] ?? "0";
    const release = () => {
      reader?.destroy();
      reader = undefined;
    };
    signal.addEventListener("abort", release, { once: true });

    return new ReadableStream<UIMessageChunk>({
      async pull(controller) {
        while (pending.length === 0) {
          if (signal.aborted) {
            release();
            controller.close();
            return;
          }
          if (!reader) {
            reader = client.duplicate();
            reader.on("error", () => {});
            await reader.connect();
          }
          const reply = (await reader
            .sendCommand([
              "XREAD",
              "BLOCK",
              String(BLOCK_MS),
              "STREAMS",
              key,
              lastId,
            ])
            .catch(() => null)) as [string, Entry[]][] | null;
          pending = reply?.[0]?.[1] ?? [];
          if (pending.length === 0 && !(await client.exists(key))) {
            // Expired or replaced without an end: nothing more will come.
            release();
            controller.close();
            return;
          }
        }
        const [id, fields] = pending.shift() as Entry;
        lastId = id;
        if (fields[0] === "end") {
          release();
          controller.close();
          return;
        }
        controller.enqueue(JSON.parse(fields[1] ?? "null") as UIMessageChunk);
      },
      cancel: release,
    });
  }

  async function stop(conversationId: string): Promise<number> {
    const here = stopGenerations({ conversationId, reason: "user" });
    if (here > 0) return here;
    const entries = (await client.sendCommand([
      "XREVRANGE",
      keyOf(conversationId),
      "+",
      "-",
      "COUNT",
      "1",
    ])) as Entry[];
    const running = entries.length > 0 && entries[0]?.[1][0] !== "end";
    if (running) await client.publish(STOP_CHANNEL, conversationId);
    return running ? 1 : 0;
  }

  async function close(): Promise<void> {
    client.destroy();
    subscriber.destroy();
  }

  return { publish, follow, stop, close };
}

function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  message: string,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
