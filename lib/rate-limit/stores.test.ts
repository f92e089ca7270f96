import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { missingService, TEST_REDIS_URL } from "@/e2e/support/services";
import { createRateLimiter } from "./limiter";
import { createMemoryRateStore } from "./memory";
import { createRedisRateStore } from "./redis";
import type { RateRule, RateStore } from "./types";

const redisMissing = await missingService("Redis", TEST_REDIS_URL);
// Each run has its own keys, so runs in parallel never share a budget.
const prefix = `parley:test:${randomUUID()}:`;
const redisStore = () => createRedisRateStore({ url: TEST_REDIS_URL, prefix });

const stores: [string, () => RateStore, string | undefined][] = [
  ["memory", () => createMemoryRateStore(), undefined],
  ["redis", redisStore, redisMissing],
];
const opened: RateStore[] = [];
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
});
const open = (create: () => RateStore) => {
  const store = create();
  opened.push(store);
  return store;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Three at once, then one a second. */
const threeThenOneASecond: RateRule = { perMinute: 60, burst: 3 };

describe.each(stores)("%s rate store", (_name, create, skipReason) => {
  const run = skipReason ? it.skip : it;

  run("lets the burst through, then says how long to wait", async () => {
    const store = open(create);
    const key = `ip:${randomUUID()}`;
    const decisions = [];
    for (let index = 0; index < 4; index += 1) {
      decisions.push(await store.hit(key, threeThenOneASecond));
    }
    expect(decisions.slice(0, 3)).toEqual([
      { allowed: true, remaining: 2 },
      { allowed: true, remaining: 1 },
      { allowed: true, remaining: 0 },
    ]);
    const refused = decisions[3];
    expect(refused?.allowed).toBe(false);
    if (refused?.allowed !== false) return;
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(1_000);
  });

  run("keeps one budget per key", async () => {
    const store = open(create);
    const rule: RateRule = { perMinute: 1, burst: 1 };
    expect((await store.hit("ip:198.51.100.1", rule)).allowed).toBe(true);
    expect((await store.hit("ip:198.51.100.1", rule)).allowed).toBe(false);
    expect((await store.hit(`ip:${randomUUID()}`, rule)).allowed).toBe(true);
  });

  run("accepts again once the wait it gave has passed", async () => {
    const store = open(create);
    const key = `ip:${randomUUID()}`;
    const rule: RateRule = { perMinute: 1_200, burst: 2 };
    await store.hit(key, rule);
    await store.hit(key, rule);
    const refused = await store.hit(key, rule);
    if (refused.allowed) throw new Error("the third request went through");
    await sleep(refused.retryAfterMs + 20);
    expect((await store.hit(key, rule)).allowed).toBe(true);
  });
});

describe("redis rate store", () => {
  const run = redisMissing ? it.skip : it;

  run("two instances on one Redis spend one budget", async () => {
    const rules = { chat: { perMinute: 1, burst: 4 } };
    const first = createRateLimiter({ store: open(redisStore), rules });
    const second = createRateLimiter({ store: open(redisStore), rules });
    const key = `ip:${randomUUID()}` as const;
    // Ten requests at once, half through each instance: exactly four pass.
    const decisions = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 === 0 ? first : second).limit("chat", key),
      ),
    );
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(4);
  });

  run("stores with different prefixes keep apart", async () => {
    const mine = open(redisStore);
    const other = open(() =>
      createRedisRateStore({ url: TEST_REDIS_URL, prefix: `${prefix}other:` }),
    );
    const rule: RateRule = { perMinute: 1, burst: 1 };
    expect((await mine.hit("ip:203.0.113.9", rule)).allowed).toBe(true);
    expect((await other.hit("ip:203.0.113.9", rule)).allowed).toBe(true);
    expect((await mine.hit("ip:203.0.113.9", rule)).allowed).toBe(false);
  });
});

describe("memory rate store", () => {
  it("holds a full budget again one whole refill after the last request", async () => {
    let now = 1_000_000;
    const store = createMemoryRateStore({ now: () => now });
    const rule: RateRule = { perMinute: 2, burst: 2 };
    await store.hit("ip:a", rule);
    await store.hit("ip:a", rule);
    expect(await store.hit("ip:a", rule)).toEqual({
      allowed: false,
      retryAfterMs: 30_000,
    });
    now += 29_999;
    expect((await store.hit("ip:a", rule)).allowed).toBe(false);
    now += 1;
    expect(await store.hit("ip:a", rule)).toEqual({
      allowed: true,
      remaining: 0,
    });
    now += 60_000;
    expect(await store.hit("ip:a", rule)).toEqual({
      allowed: true,
      remaining: 1,
    });
  });
});
