import { gcraStep } from "./gcra";
import type { RateStore } from "./types";

/** Sweep expired entries once this many keys are held, at most this often. */
const SWEEP_AT = 10_000;
const SWEEP_EVERY_MS = 10_000;

/** Budgets of this process only: the store when no REDIS_URL is set. */
export function createMemoryRateStore({
  now = Date.now,
}: {
  now?: () => number;
} = {}): RateStore {
  // key → TAT; an entry whose TAT has passed holds a full budget and can go.
  const tats = new Map<string, number>();
  let sweptAt = Number.NEGATIVE_INFINITY;

  return {
    hit: async (key, rule) => {
      const time = now();
      if (tats.size >= SWEEP_AT && time - sweptAt >= SWEEP_EVERY_MS) {
        sweptAt = time;
        for (const [stored, tat] of tats) {
          if (tat <= time) tats.delete(stored);
        }
      }
      const step = gcraStep({ tat: tats.get(key), now: time, rule });
      if (step.tat !== undefined) tats.set(key, step.tat);
      return step.decision;
    },
    close: async () => tats.clear(),
  };
}
