/**
 * Spending is counted per calendar day and month in UTC, the way
 * OpenRouter's own activity page counts it, so a cap resets at the same
 * moment for everyone wherever the server runs.
 */
export type SpendPeriod = "day" | "month";

export function periodStart(period: SpendPeriod, now: Date): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return period === "day"
    ? new Date(Date.UTC(year, month, now.getUTCDate()))
    : new Date(Date.UTC(year, month, 1));
}

/** When the period that holds `now` ends and its cap resets. */
export function periodEnd(period: SpendPeriod, now: Date): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return period === "day"
    ? new Date(Date.UTC(year, month, now.getUTCDate() + 1))
    : new Date(Date.UTC(year, month + 1, 1));
}

/** "3 h 12 min", "45 min", "2 days 4 h", "less than a minute". */
export function describeWait(from: Date, to: Date): string {
  const minutes = Math.floor((to.getTime() - from.getTime()) / 60_000);
  if (minutes < 1) return "less than a minute";
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) {
    const dayText = `${days} ${days === 1 ? "day" : "days"}`;
    return hours > 0 ? `${dayText} ${hours} h` : dayText;
  }
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/** "2026-12-04": the UTC day a moment falls on. */
export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}
