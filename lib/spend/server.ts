import "server-only";
import { spendSince, totalSpentSince } from "@/lib/db/spend";
import { listUsers } from "@/lib/db/users";
import { getEnv } from "@/lib/env";
import { reachedCap, type SpendCaps, spendCapError } from "./caps";
import { periodStart } from "./periods";
import {
  buildSpendReport,
  type PersonSpend,
  reportStart,
  type SpendReport,
  spendByPerson,
} from "./report";

/** The caps every person has (SPEND_CAP_*_USD). */
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
 * Refuses a person's request once one of their caps is reached, before
 * anything is saved or sent. Replies already running finish, so the spend
 * can end a little over a cap: by what those replies cost.
 */
export async function assertWithinSpendCaps(
  userId: string,
  now = new Date(),
): Promise<void> {
  const caps = configuredCaps();
  if (caps.day === undefined && caps.month === undefined) return;
  const spent = (period: "day" | "month") =>
    caps[period] === undefined
      ? 0
      : totalSpentSince(periodStart(period, now), userId);
  const [day, month] = await Promise.all([spent("day"), spent("month")]);
  const reached = reachedCap({ day, month }, caps, now);
  if (reached) throw spendCapError(reached, now);
}

/** One person's spending, against their caps. */
export async function loadSpendReport(
  userId: string,
  now = new Date(),
): Promise<SpendReport> {
  const entries = await spendSince(reportStart(now), userId);
  return buildSpendReport(entries, configuredCaps(), now);
}

/**
 * Everyone's spending, for the administrator: the same report (caps are
 * per person, so none are drawn), and the same days by person.
 */
export async function loadServerSpendReport(now = new Date()): Promise<{
  report: SpendReport;
  people: PersonSpend[];
}> {
  const [entries, users] = await Promise.all([
    spendSince(reportStart(now)),
    listUsers(),
  ]);
  const emails = new Map(users.map((user) => [user.id, user.email]));
  return {
    report: buildSpendReport(entries, {}, now),
    people: spendByPerson(entries, emails, configuredCaps(), now),
  };
}
