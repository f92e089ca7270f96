import { afterEach, describe, expect, it, vi } from "vitest";
import { freePort } from "@/e2e/support/ports";
import { log } from "@/lib/log";
import { createRateLimiter } from "./limiter";
import { createMemoryRateStore } from "./memory";
import { createRedisRateStore } from "./redis";
import type { RateStore } from "./types";

afterEach(() => {
  vi.restoreAllMocks();
});

const oneAtATime = { chat: { perMinute: 1, burst: 1 } };

describe("rate limiter", () => {
  it("limits each kind by its rule", async () => {
    const limiter = createRateLimiter({
      store: createMemoryRateStore(),
      rules: oneAtATime,
    });
    expect((await limiter.limit("chat", "ip:192.0.2.1")).allowed).toBe(true);
    expect((await limiter.limit("chat", "ip:192.0.2.1")).allowed).toBe(false);
    expect((await limiter.limit("chat", "user:u1")).allowed).toBe(true);
  });

  it("a kind without a rule is not limited and costs no store call", async () => {
    const hit = vi.fn<RateStore["hit"]>();
    const limiter = createRateLimiter({
      store: { hit, close: async () => {} },
      rules: {},
    });
    for (let index = 0; index < 5; index += 1) {
      expect((await limiter.limit("chat", "ip:192.0.2.1")).allowed).toBe(true);
    }
    expect(hit).not.toHaveBeenCalled();
  });

  it("lets requests through while the store fails, warning once", async () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    const info = vi.spyOn(log, "info").mockImplementation(() => {});
    let down = true;
    const memory = createMemoryRateStore();
    const store: RateStore = {
      hit: async (key, rule) => {
        if (down) throw new Error("connection refused");
        return memory.hit(key, rule);
      },
      close: async () => {},
    };
    const limiter = createRateLimiter({ store, rules: oneAtATime });
    for (let index = 0; index < 3; index += 1) {
      expect((await limiter.limit("chat", "ip:192.0.2.1")).allowed).toBe(true);
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[1]).toMatchObject({
      error: "connection refused",
    });

    down = false;
    expect((await limiter.limit("chat", "ip:192.0.2.1")).allowed).toBe(true);
    expect((await limiter.limit("chat", "ip:192.0.2.1")).allowed).toBe(false);
    expect(info).toHaveBeenCalledWith("rate limits enforced again");
  });

  it("with Redis unreachable, chat goes on at once and says so once", async () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    const store = createRedisRateStore({
      url: `redis://127.0.0.1:${await freePort()}`,
      prefix: "parley:test:",
    });
    const limiter = createRateLimiter({ store, rules: oneAtATime });
    try {
      const startedAt = Date.now();
      for (let index = 0; index < 3; index += 1) {
        expect((await limiter.limit("chat", "ip:192.0.2.1")).allowed).toBe(
          true,
        );
      }
      // Only the very first request waits, briefly, for a first connection.
      expect(Date.now() - startedAt).toBeLessThan(3_000);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[0]).toBe(
        "rate limits not enforced: store unreachable",
      );
    } finally {
      await limiter.close();
    }
  });
});
