import type { ReactNode } from "react";
import { formatDollars } from "@/lib/spend/caps";
import type { SpendPeriod } from "@/lib/spend/periods";
import type { DaySpend, SpendReport } from "@/lib/spend/report";
import { formatCost } from "@/lib/usage-totals";

const PERIOD_LABEL: Record<SpendPeriod, string> = {
  day: "Today (UTC)",
  month: "This month (UTC)",
};

/**
 * What replies and titles cost, from OpenRouter's own figures: today and
 * this month against the caps, the last 30 days as a chart and a table, and
 * the same days by model. Rendered on the server with the settings page.
 */
export function Spending({
  report,
  title = "Spending",
  uncapped = "No cap",
  children,
}: {
  report: SpendReport;
  title?: string;
  /** What a period without a cap says ("Caps are per person", say). */
  uncapped?: string;
  /** More tables, after the ones by day and by model. */
  children?: ReactNode;
}) {
  const activeDays = report.days.filter((day) => day.calls > 0).reverse();
  const titleId = `spend-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={titleId} className="mt-8">
      <h2 id={titleId} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      <dl className="mb-4 grid grid-cols-2 gap-3 text-sm">
        {(["day", "month"] as const).map((period) => (
          <PeriodTotal
            key={period}
            period={period}
            report={report}
            uncapped={uncapped}
          />
        ))}
      </dl>
      <DayChart days={report.days} dailyCap={report.caps.day} />
      <p className="mt-1 text-xs text-zinc-500">
        The last 30 days, today on the right
        {report.caps.day === undefined
          ? "."
          : "; the dashed line is the daily cap."}
      </p>
      {activeDays.length === 0 ? (
        <p className="mt-3 text-sm text-zinc-500">
          Nothing spent in the last 30 days.
        </p>
      ) : (
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          <table className="w-full text-sm" aria-label="Spending by day">
            <thead className="text-left text-zinc-500">
              <tr>
                <th className="font-normal">Day</th>
                <th className="text-right font-normal">Requests</th>
                <th className="text-right font-normal">Cost</th>
              </tr>
            </thead>
            <tbody>
              {activeDays.map((day) => (
                <tr key={day.day}>
                  <td>{day.day}</td>
                  <td className="text-right tabular-nums">{day.calls}</td>
                  <td className="text-right tabular-nums">
                    {formatCost(day.cost)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="w-full text-sm" aria-label="Spending by model">
            <thead className="text-left text-zinc-500">
              <tr>
                <th className="font-normal">Model</th>
                <th className="text-right font-normal">Tokens</th>
                <th className="text-right font-normal">Cost</th>
              </tr>
            </thead>
            <tbody>
              {report.models.map((model) => (
                <tr key={model.model}>
                  <td className="break-all font-mono text-xs">{model.model}</td>
                  <td className="text-right tabular-nums">
                    {(
                      model.promptTokens + model.completionTokens
                    ).toLocaleString("en-US")}
                  </td>
                  <td className="text-right tabular-nums">
                    {formatCost(model.cost)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {children}
    </section>
  );
}

function PeriodTotal({
  period,
  report,
  uncapped,
}: {
  period: SpendPeriod;
  report: SpendReport;
  uncapped: string;
}) {
  const cap = report.caps[period];
  const spent = report.spent[period];
  const reached = cap !== undefined && spent >= cap;
  return (
    <div
      data-testid={`spend-${period}`}
      className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <dt className="text-zinc-500">{PERIOD_LABEL[period]}</dt>
      <dd className="text-base font-medium tabular-nums">
        {formatCost(spent)}
        {cap === undefined ? null : (
          <span className="font-normal text-zinc-500">
            {" "}
            of {formatDollars(cap)}
          </span>
        )}
      </dd>
      <dd
        className={reached ? "text-red-600 dark:text-red-400" : "text-zinc-500"}
      >
        {cap === undefined
          ? uncapped
          : reached
            ? `Cap reached: resets ${period === "day" ? "at 00:00 UTC" : "on the 1st"}`
            : `${formatCost(cap - spent)} left`}
      </dd>
    </div>
  );
}

const CHART = { width: 600, height: 120, gap: 2 };

/** One bar per day, scaled to the busiest day (or the cap, if higher). */
function DayChart({
  days,
  dailyCap,
}: {
  days: DaySpend[];
  dailyCap: number | undefined;
}) {
  const highest = Math.max(...days.map((day) => day.cost), dailyCap ?? 0);
  const scale = highest > 0 ? CHART.height / highest : 0;
  const slot = CHART.width / days.length;
  return (
    <svg
      role="img"
      aria-label={`Spending per day, last ${days.length} days`}
      viewBox={`0 0 ${CHART.width} ${CHART.height}`}
      preserveAspectRatio="none"
      className="h-28 w-full rounded-md bg-zinc-50 dark:bg-zinc-900"
    >
      {days.map((day, index) => {
        const height = day.cost * scale;
        return (
          <rect
            key={day.day}
            x={index * slot + CHART.gap / 2}
            y={CHART.height - height}
            width={slot - CHART.gap}
            height={height}
            className="fill-blue-600 dark:fill-blue-400"
          >
            <title>{`${day.day}: ${formatCost(day.cost)}, ${day.calls} requests`}</title>
          </rect>
        );
      })}
      {dailyCap !== undefined && dailyCap > 0 ? (
        <line
          x1={0}
          x2={CHART.width}
          y1={CHART.height - dailyCap * scale}
          y2={CHART.height - dailyCap * scale}
          strokeDasharray="6 4"
          className="stroke-red-500"
        />
      ) : null}
    </svg>
  );
}
