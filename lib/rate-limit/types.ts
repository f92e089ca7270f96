/** What is limited. Each kind has its own rule and its own budget per key. */
export type RateLimitKind = "chat" | "sign_in";

/**
 * Whose budget: a client address, a signed-in user, or the account a
 * sign-in names (so one address cannot try many, nor many one).
 */
export type RateLimitKey =
  | `ip:${string}`
  | `user:${string}`
  | `account:${string}`;

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
