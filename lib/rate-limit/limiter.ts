import { describeError, log } from "@/lib/log";
import type {
  RateDecision,
  RateLimitKey,
  RateLimitKind,
  RateRule,
  RateStore,
} from "./types";

export type RateLimiter = {
  /** Spends one request of `key`'s budget for `kind`. */
  limit: (kind: RateLimitKind, key: RateLimitKey) => Promise<RateDecision>;
  close: () => Promise<void>;
};

const UNLIMITED: RateDecision = {
  allowed: true,
  remaining: Number.POSITIVE_INFINITY,
};

/**
 * Applies each kind's rule (none: not limited) through a store. When the
 * store fails (Redis down), requests go through: a self-hosted chat that
 * stops answering because its limiter's backing store is gone would hurt
 * every user to guard against a few. That is logged once per outage, and
 * again when the store answers.
 */
export function createRateLimiter({
  store,
  rules,
}: {
  store: RateStore;
  rules: Partial<Record<RateLimitKind, RateRule>>;
}): RateLimiter {
  let failing = false;

  return {
    limit: async (kind, key) => {
      const rule = rules[kind];
      if (!rule) return UNLIMITED;
      try {
        const decision = await store.hit(`${kind}:${key}`, rule);
        if (failing) {
          failing = false;
          log.info("rate limits enforced again");
        }
        return decision;
      } catch (error) {
        if (!failing) {
          failing = true;
          log.warn("rate limits not enforced: store unreachable", {
            kind,
            ...describeError(error),
          });
        }
        return UNLIMITED;
      }
    },
    close: () => store.close(),
  };
}
