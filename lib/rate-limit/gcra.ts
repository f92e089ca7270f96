import type { RateDecision, RateRule } from "./types";

// GCRA, the generic cell rate algorithm (a token bucket kept as one
// timestamp). Chosen over windows because a fixed window lets a client send
// twice its limit across a window boundary, and a sliding log stores every
// request; GCRA stores one number per client, spreads requests evenly after
// a burst, and tells exactly when the next request will be accepted. The
// stored value is the "theoretical arrival time" (TAT): when the client's
// budget will be full again. The Redis store runs the same arithmetic in a
// Lua script (redis.ts); keep the two in step.

/** Milliseconds between two requests at the rule's sustained rate. */
export function intervalMs(rule: RateRule): number {
  return Math.ceil(60_000 / rule.perMinute);
}

/** One request at `now` against the stored TAT (undefined: a fresh key). */
export function gcraStep({
  tat,
  now,
  rule,
}: {
  tat: number | undefined;
  now: number;
  rule: RateRule;
}): { decision: RateDecision; tat: number | undefined } {
  const interval = intervalMs(rule);
  const capacity = interval * rule.burst;
  const next = Math.max(tat ?? now, now) + interval;
  if (next - now > capacity) {
    return {
      decision: { allowed: false, retryAfterMs: next - now - capacity },
      tat,
    };
  }
  const remaining = Math.floor((capacity - (next - now)) / interval);
  return { decision: { allowed: true, remaining }, tat: next };
}
