import type { SpendCaps, Spent } from "./caps";
import { periodEnd, periodStart, utcDay } from "./periods";

/** How many UTC days the report covers, today included. */
export const REPORT_DAYS = 30;

export type SpendEntryLike = {
  userId?: string | null;
  model: string;
  cost: number;
  promptTokens: number | null;
  completionTokens: number | null;
  createdAt: Date;
};

export type DaySpend = { day: string; cost: number; calls: number };
export type ModelSpend = {
  model: string;
  cost: number;
  calls: number;
  promptTokens: number;
  completionTokens: number;
};

/** One person's line in the administrator's report. */
export type PersonSpend = {
  userId: string | null;
  /** Null for spend from before accounts that nobody adopted. */
  email: string | null;
  day: number;
  month: number;
  /** The whole report window (REPORT_DAYS). */
  window: number;
  calls: number;
  /** A cap of theirs is reached: their requests are refused now. */
  capped: boolean;
};

/** What `GET /api/spend` answers and the settings page shows. */
export type SpendReport = {
  caps: SpendCaps;
  spent: Spent;
  /** When each period's count starts again, ISO. */
  resets: { day: string; month: string };
  /** The last REPORT_DAYS days, oldest first, days without spend included. */
  days: DaySpend[];
  /** The same days by model, most spent first. */
  models: ModelSpend[];
};

/** The first moment the report reads from: the start of its oldest day. */
export function reportStart(now: Date): Date {
  const today = periodStart("day", now);
  const earliest = new Date(today);
  earliest.setUTCDate(today.getUTCDate() - (REPORT_DAYS - 1));
  const month = periodStart("month", now);
  // The month so far is needed for its total, even when longer ago.
  return earliest < month ? earliest : month;
}

/**
 * Adds up the ledger rows from `reportStart(now)` on into the report. The
 * totals of the day and the month come from the same rows, so they always
 * agree with the tables.
 */
export function buildSpendReport(
  entries: SpendEntryLike[],
  caps: SpendCaps,
  now: Date,
): SpendReport {
  const dayStart = periodStart("day", now);
  const monthStart = periodStart("month", now);
  const days = new Map<string, DaySpend>();
  for (let offset = REPORT_DAYS - 1; offset >= 0; offset--) {
    const day = new Date(dayStart);
    day.setUTCDate(dayStart.getUTCDate() - offset);
    days.set(utcDay(day), { day: utcDay(day), cost: 0, calls: 0 });
  }
  const models = new Map<string, ModelSpend>();
  const spent: Spent = { day: 0, month: 0 };
  for (const entry of entries) {
    if (entry.createdAt >= monthStart) spent.month += entry.cost;
    if (entry.createdAt >= dayStart) spent.day += entry.cost;
    const day = days.get(utcDay(entry.createdAt));
    if (!day) continue;
    day.cost += entry.cost;
    day.calls += 1;
    const model = models.get(entry.model) ?? {
      model: entry.model,
      cost: 0,
      calls: 0,
      promptTokens: 0,
      completionTokens: 0,
    };
    model.cost += entry.cost;
    model.calls += 1;
    model.promptTokens += entry.promptTokens ?? 0;
    model.completionTokens += entry.completionTokens ?? 0;
    models.set(entry.model, model);
  }
  return {
    caps,
    spent,
    resets: {
      day: periodEnd("day", now).toISOString(),
      month: periodEnd("month", now).toISOString(),
    },
    days: [...days.values()],
    models: [...models.values()].sort(
      (a, b) => b.cost - a.cost || a.model.localeCompare(b.model),
    ),
  };
}

/**
 * The same rows, by person, most spent in the window first; each person's
 * caps are theirs in `people`, else `defaultCaps`.
 */
export function spendByPerson(
  entries: SpendEntryLike[],
  people: Map<string, { email: string; caps: SpendCaps }>,
  defaultCaps: SpendCaps,
  now: Date,
): PersonSpend[] {
  const dayStart = periodStart("day", now);
  const monthStart = periodStart("month", now);
  const windowStart = new Date(dayStart);
  windowStart.setUTCDate(dayStart.getUTCDate() - (REPORT_DAYS - 1));
  const rows = new Map<string | null, PersonSpend>();
  for (const entry of entries) {
    const userId = entry.userId ?? null;
    const row = rows.get(userId) ?? {
      userId,
      email: userId ? (people.get(userId)?.email ?? null) : null,
      day: 0,
      month: 0,
      window: 0,
      calls: 0,
      capped: false,
    };
    if (entry.createdAt >= dayStart) row.day += entry.cost;
    if (entry.createdAt >= monthStart) row.month += entry.cost;
    if (entry.createdAt >= windowStart) {
      row.window += entry.cost;
      row.calls += 1;
    }
    rows.set(userId, row);
  }
  for (const row of rows.values()) {
    const caps =
      (row.userId ? people.get(row.userId)?.caps : undefined) ?? defaultCaps;
    row.capped =
      (caps.day !== undefined && row.day >= caps.day) ||
      (caps.month !== undefined && row.month >= caps.month);
  }
  return [...rows.values()]
    .filter((row) => row.calls > 0 || row.month > 0)
    .sort((a, b) => b.window - a.window || b.month - a.month);
}
