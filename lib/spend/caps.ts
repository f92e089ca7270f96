import { ParleyError } from "@/lib/errors";
import { formatCost } from "@/lib/usage-totals";
import { describeWait, periodEnd, type SpendPeriod } from "./periods";

/** Dollars per period; a period without a cap is absent. */
export type SpendCaps = Partial<Record<SpendPeriod, number>>;
export type Spent = Record<SpendPeriod, number>;

export type ReachedCap = {
  period: SpendPeriod;
  cap: number;
  spent: number;
  resetsAt: Date;
};

/**
 * The cap a new request would go over, or undefined. A cap counts as
 * reached once the spend equals it: the next reply would only add to it.
 * The month is checked first, since it is the longer wait.
 */
export function reachedCap(
  spent: Spent,
  caps: SpendCaps,
  now: Date,
): ReachedCap | undefined {
  for (const period of ["month", "day"] as const) {
    const cap = caps[period];
    if (cap !== undefined && spent[period] >= cap) {
      return {
        period,
        cap,
        spent: spent[period],
        resetsAt: periodEnd(period, now),
      };
    }
  }
  return undefined;
}

const MONTHS = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});

export function spendCapError(reached: ReachedCap, now: Date): ParleyError {
  const which = reached.period === "day" ? "Today's" : "This month's";
  const when =
    reached.period === "day"
      ? "at 00:00 UTC"
      : `on ${MONTHS.format(reached.resetsAt)} at 00:00 UTC`;
  return new ParleyError(
    "spend_cap:chat",
    `${which} spending cap of ${formatDollars(reached.cap)} is reached ` +
      `(${formatCost(reached.spent)} spent), so nothing was sent to the model. ` +
      `It resets ${when}, in ${describeWait(now, reached.resetsAt)}.`,
  );
}

/** "$5", "$0.50", "$0.005": a cap as the operator wrote it. */
export function formatDollars(amount: number): string {
  if (Number.isInteger(amount)) return `$${amount}`;
  const fixed = amount.toFixed(amount >= 0.01 ? 2 : 4);
  return `$${fixed.replace(/(\.\d\d\d*?)0+$/, "$1")}`;
}
