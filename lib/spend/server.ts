import "server-only";
import { spendSince, totalSpentSince } from "@/lib/db/spend";
import { getPersonalCaps, listUsers, type PersonalCaps } from "@/lib/db/users";
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

/** The server's caps (SPEND_CAP_*_USD), each person's unless set apart. */
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

/** A person's caps: the administrator's for them, else the server's. */
export function personCaps(personal: PersonalCaps): SpendCaps {
  const caps = configuredCaps();
  if (personal.day !== null) caps.day = personal.day;
  if (personal.month !== null) caps.month = personal.month;
  return caps;
}

async function capsOf(userId: string): Promise<SpendCaps> {
  return personCaps(await getPersonalCaps(userId));
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
  const caps = await capsOf(userId);
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
  const [entries, caps] = await Promise.all([
    spendSince(reportStart(now), userId),
    capsOf(userId),
  ]);
  return buildSpendReport(entries, caps, now);
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
  const people = new Map(
    users.map((user) => [
      user.id,
      { email: user.email, caps: personCaps(user.spendCaps) },
    ]),
  );
  return {
    report: buildSpendReport(entries, {}, now),
    people: spendByPerson(entries, people, configuredCaps(), now),
  };
}
