import { createClient } from "@redis/client";
import { intervalMs } from "./gcra";
import type { RateDecision, RateStore } from "./types";

// gcraStep (gcra.ts) as one script: Redis runs a script alone, so two
// instances can never both spend the last request of a budget. The clock is
// Redis's own (TIME), so instances whose clocks disagree still agree on
// every budget. The key expires when its budget is full again.
const GCRA_SCRIPT = `
local interval = tonumber(ARGV[1])
local capacity = interval * tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
local next = math.max(tat, now) + interval
if next - now > capacity then
  return {0, next - now - capacity}
end
redis.call('SET', KEYS[1], next, 'PX', next - now)
return {1, math.floor((capacity - (next - now)) / interval)}
`;

/** How long the first requests wait for the first connection. */
const FIRST_CONNECT_WAIT_MS = 1_000;
/** A command not answered by then counts as Redis being down. */
const COMMAND_TIMEOUT_MS = 1_000;

/**
 * Budgets shared by every instance that uses this Redis, under `prefix`.
 * Nothing waits for a Redis that is down: a command fails at once (no
 * offline queue) or after a short timeout, and the caller decides what a
 * failure means (the limiter lets the request through, see limiter.ts).
 */
export function createRedisRateStore({
  url,
  prefix,
}: {
  url: string;
  prefix: string;
}): RateStore {
  const client = createClient({
    url,
    RESP: 2,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: COMMAND_TIMEOUT_MS,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000),
    },
  });
  // Failures reach the caller of hit(); node-redis throws without a listener.
  client.on("error", () => {});
  let firstConnect: Promise<unknown> | undefined = client
    .connect()
    .catch(() => {});

  return {
    hit: async (key, rule) => {
      if (firstConnect) {
        await withTimeout(firstConnect, FIRST_CONNECT_WAIT_MS).catch(() => {});
        firstConnect = undefined;
      }
      const reply = (await withTimeout(
        client.sendCommand([
          "EVAL",
          GCRA_SCRIPT,
          "1",
          `${prefix}${key}`,
          String(intervalMs(rule)),
          String(rule.burst),
        ]),
        COMMAND_TIMEOUT_MS,
      )) as [number, number];
      return toDecision(reply);
    },
    close: async () => client.destroy(),
  };
}

function toDecision([allowed, value]: [number, number]): RateDecision {
  return allowed === 1
    ? { allowed: true, remaining: value }
    : { allowed: false, retryAfterMs: value };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis did not answer within ${ms} ms.`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
