import "server-only";
import { type Env, getEnv } from "@/lib/env";
import { ParleyError } from "@/lib/errors";
import { clientKeyOf } from "./client-address";
import { createRateLimiter, type RateLimiter } from "./limiter";
import { createMemoryRateStore } from "./memory";
import { createRedisRateStore } from "./redis";
import type { RateLimitKey, RateLimitKind, RateRule } from "./types";

export type { RateLimitKey, RateLimitKind } from "./types";

/**
 * Rate limits: one budget per kind of request and per key, kept in Redis
 * when REDIS_URL is set (shared by every instance), else in this process.
 * A route spends one request of a budget before doing the work:
 *
 *   await enforceRateLimit("chat", clientKeyOfRequest(request));
 *
 * which throws a 429 `rate_limited:<kind>` with Retry-After when the budget
 * is spent. Once accounts land, per-user and sign-in limits are one call
 * each: `enforceRateLimit("chat", "user:<id>")` after the session is
 * read (beside the per-address call), and for sign-in a `sign_in` kind
 * (types.ts, its rule in `rulesFrom`, its wording in `refusalMessage`, the
 * `sign_in` surface in lib/errors.ts) spent per address and per account
 * name before the password is checked. Each kind and key has its own
 * budget, so a user's chats never use up another's.
 */
export async function enforceRateLimit(
  kind: RateLimitKind,
  key: RateLimitKey,
): Promise<void> {
  const decision = await getRateLimiter().limit(kind, key);
  if (decision.allowed) return;
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  throw new ParleyError(`rate_limited:${kind}`, refusalMessage(kind, seconds), {
    headers: { "Retry-After": String(seconds) },
  });
}

/** The key of the address a request came from (see client-address.ts). */
export function clientKeyOfRequest(request: Request): RateLimitKey {
  return clientKeyOf(request.headers, getEnv().TRUST_PROXY_HOPS);
}

const globalForLimits = globalThis as unknown as {
  parleyRateLimiter?: RateLimiter;
};

function getRateLimiter(): RateLimiter {
  globalForLimits.parleyRateLimiter ??= createFromEnv(getEnv());
  return globalForLimits.parleyRateLimiter;
}

function createFromEnv(env: Env): RateLimiter {
  const store = env.REDIS_URL
    ? createRedisRateStore({
        url: env.REDIS_URL,
        prefix: env.RATE_LIMIT_REDIS_PREFIX,
      })
    : createMemoryRateStore();
  return createRateLimiter({ store, rules: rulesFrom(env) });
}

export function rulesFrom(env: Env): Partial<Record<RateLimitKind, RateRule>> {
  const perMinute = env.RATE_LIMIT_CHAT_PER_MINUTE;
  if (perMinute === 0) return {};
  return {
    chat: { perMinute, burst: env.RATE_LIMIT_CHAT_BURST ?? perMinute },
  };
}

function refusalMessage(kind: RateLimitKind, seconds: number): string {
  const wait = waitInWords(seconds);
  switch (kind) {
    case "chat":
      return (
        "You are sending messages faster than this server allows. You can " +
        `send again in ${wait}. Your message stays here: press Retry then.`
      );
  }
}

/** "1 second", "45 seconds", "2 minutes" (rounded up). */
export function waitInWords(seconds: number): string {
  if (seconds < 90) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
