import "server-only";
import { spendSince, totalSpentSince } from "@/lib/db/spend";
import { getEnv } from "@/lib/env";
import { reachedCap, type SpendCaps, spendCapError } from "./caps";
import { periodStart } from "./periods";
import { buildSpendReport, reportStart, type SpendReport } from "./report";

export function configuredCaps(): SpendCaps {
  const env = getEnv();
  const caps: SpendCaps = {};
  if (env.SPEND_CAP_DAILY_USD !== undefined) {
    caps.day = env.SPEND_CAP_DAILY_USD;
  }
  if (env.SPEND_CAP_MONTHLY_USD !== undefined) {
    caps.month = env.SPEND_CAP_MONTHLY_USD;
  }
  return caps;
}

/**
 * Refuses a request once a spending cap is reached, before anything is
 * saved or sent. Replies already running finish, so the spend can end a
 * little over a cap: by what those replies cost.
 */
export async function assertWithinSpendCaps(now = new Date()): Promise<void> {
  const caps = configuredCaps();
  if (caps.day === undefined && caps.month === undefined) return;
  const [day, month] = await Promise.all([
    caps.day === undefined ? 0 : totalSpentSince(periodStart("day", now)),
    caps.month === undefined ? 0 : totalSpentSince(periodStart("month", now)),
  ]);
  const reached = reachedCap({ day, month }, caps, now);
  if (reached) throw spendCapError(reached, now);
}

export async function loadSpendReport(now = new Date()): Promise<SpendReport> {
  const entries = await spendSince(reportStart(now));
  return buildSpendReport(entries, configuredCaps(), now);
}
