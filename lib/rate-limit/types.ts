/**
 * What is limited. Each kind has its own rule and its own budget per key;
 * `sign_in` joins when accounts land (see index.ts).
 */
export type RateLimitKind = "chat";

/** Whose budget: a client address, or (with accounts) a signed-in user. */
export type RateLimitKey = `ip:${string}` | `user:${string}`;

/**
 * A sustained rate and how many requests may come at once: `burst`
 * requests straight away, then one every `60 / perMinute` seconds.
 */
export type RateRule = { perMinute: number; burst: number };

export type RateDecision =
  | { allowed: true; remaining: number }
  | { allowed: false; retryAfterMs: number };

/** Where the budgets live: this process, or Redis for every instance. */
export type RateStore = {
  /** Spends one request of `key`'s budget if there is one left. */
  hit: (key: string, rule: RateRule) => Promise<RateDecision>;
  close: () => Promise<void>;
};
