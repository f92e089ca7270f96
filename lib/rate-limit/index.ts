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
 * is spent. Chat spends the address's budget and the signed-in user's;
 * sign-in (app/api/auth) the address's and the named account's, before
 * the password is checked. Each kind and key has its own budget, so a
 * user's chats never use up another's.
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
  const rules: Partial<Record<RateLimitKind, RateRule>> = {};
  const perMinute = env.RATE_LIMIT_CHAT_PER_MINUTE;
  if (perMinute > 0) {
    rules.chat = { perMinute, burst: env.RATE_LIMIT_CHAT_BURST ?? perMinute };
  }
  const signIns = env.RATE_LIMIT_SIGN_IN_PER_MINUTE;
  if (signIns > 0) rules.sign_in = { perMinute: signIns, burst: signIns };
  return rules;
}

function refusalMessage(kind: RateLimitKind, seconds: number): string {
  const wait = waitInWords(seconds);
  switch (kind) {
    case "chat":
      return (
        "You are sending messages faster than this server allows. You can " +
        `send again in ${wait}. Your message stays here: press Retry then.`
      );
    case "sign_in":
      return `Too many sign-in attempts. Try again in ${wait}.`;
  }
}

/** "1 second", "45 seconds", "2 minutes" (rounded up). */
export function waitInWords(seconds: number): string {
  if (seconds < 90) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
