import { describe, expect, it } from "vitest";
import { formatDollars, reachedCap, spendCapError } from "./caps";
import { describeWait, periodEnd, periodStart } from "./periods";
import {
  buildSpendReport,
  REPORT_DAYS,
  reportStart,
  spendByPerson,
} from "./report";

const at = (iso: string) => new Date(iso);

describe("spending periods", () => {
  it("are UTC calendar days and months, and reset at their end", () => {
    const now = at("2026-12-31T23:59:30Z");
    expect(periodStart("day", now).toISOString()).toBe(
      "2026-12-31T00:00:00.000Z",
    );
    expect(periodEnd("day", now).toISOString()).toBe(
      "2027-01-01T00:00:00.000Z",
    );
    expect(periodStart("month", now).toISOString()).toBe(
      "2026-12-01T00:00:00.000Z",
    );
    expect(periodEnd("month", now).toISOString()).toBe(
      "2027-01-01T00:00:00.000Z",
    );
  });

  it("describe a wait in words", () => {
    const from = at("2026-12-04T20:48:00Z");
    expect(describeWait(from, at("2026-12-05T00:00:00Z"))).toBe("3 h 12 min");
    expect(describeWait(from, at("2026-12-04T21:33:00Z"))).toBe("45 min");
    expect(describeWait(from, at("2026-12-04T22:48:00Z"))).toBe("2 h");
    expect(describeWait(from, at("2026-12-07T00:48:00Z"))).toBe("2 days 4 h");
    expect(describeWait(from, at("2026-12-05T20:48:30Z"))).toBe("1 day");
    expect(describeWait(from, at("2026-12-04T20:48:59Z"))).toBe(
      "less than a minute",
    );
  });
});

describe("spending caps", () => {
  const now = at("2026-12-04T20:48:00Z");

  it("are reached once the spend equals them, the month first", () => {
    expect(reachedCap({ day: 0.99, month: 5 }, { day: 1 }, now)).toBe(
      undefined,
    );
    expect(reachedCap({ day: 1, month: 5 }, { day: 1 }, now)?.period).toBe(
      "day",
    );
    const both = reachedCap({ day: 2, month: 20 }, { day: 1, month: 20 }, now);
    expect(both).toMatchObject({ period: "month", cap: 20, spent: 20 });
    expect(both?.resetsAt.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(reachedCap({ day: 100, month: 100 }, {}, now)).toBe(undefined);
  });

  it("a cap of zero refuses everything", () => {
    expect(reachedCap({ day: 0, month: 0 }, { day: 0 }, now)?.period).toBe(
      "day",
    );
  });

  it("are refused with 402, the cap, the spend and when it resets", () => {
    const day = spendCapError(
      { period: "day", cap: 1, spent: 1.0234, resetsAt: periodEnd("day", now) },
      now,
    );
    expect(day.code).toBe("spend_cap:chat");
    expect(day.status).toBe(402);
    expect(day.message).toBe(
      "Today's spending cap of $1 is reached ($1.02 spent), so nothing was " +
        "sent to the model. It resets at 00:00 UTC, in 3 h 12 min.",
    );
    const month = spendCapError(
      {
        period: "month",
        cap: 20.5,
        spent: 20.51,
        resetsAt: periodEnd("month", now),
      },
      now,
    );
    expect(month.message).toContain("This month's spending cap of $20.50");
    expect(month.message).toContain(
      "It resets on 1 January at 00:00 UTC, in 27 days 3 h.",
    );
  });

  it("are written as the operator wrote them", () => {
    expect(formatDollars(5)).toBe("$5");
    expect(formatDollars(0.5)).toBe("$0.50");
    expect(formatDollars(0.005)).toBe("$0.005");
    expect(formatDollars(12.25)).toBe("$12.25");
  });
});

describe("the spending report", () => {
  const now = at("2026-12-04T12:00:00Z");
  const entry = (iso: string, model: string, cost: number) => ({
    model,
    cost,
    promptTokens: 100,
    completionTokens: 10,
    createdAt: at(iso),
  });

  it("adds up today, the month, each day and each model", () => {
    const report = buildSpendReport(
      [
        entry("2026-11-30T23:00:00Z", "a/old", 1),
        entry("2026-12-01T00:00:00Z", "a/x", 0.25),
        entry("2026-12-03T10:00:00Z", "b/y", 0.5),
        entry("2026-12-04T00:00:01Z", "a/x", 0.125),
        entry("2026-12-04T11:59:00Z", "b/y", 0.75),
      ],
      { day: 1 },
      now,
    );
    expect(report.spent).toEqual({ day: 0.875, month: 1.625 });
    expect(report.caps).toEqual({ day: 1 });
    expect(report.resets).toEqual({
      day: "2026-12-05T00:00:00.000Z",
      month: "2027-01-01T00:00:00.000Z",
    });
    expect(report.days).toHaveLength(REPORT_DAYS);
    expect(report.days.at(-1)).toEqual({
      day: "2026-12-04",
      cost: 0.875,
      calls: 2,
    });
    expect(report.days[0]?.day).toBe("2026-11-05");
    expect(report.days.find((day) => day.day === "2026-11-30")?.cost).toBe(1);
    expect(report.models.map((model) => [model.model, model.cost])).toEqual([
      ["b/y", 1.25],
      ["a/old", 1],
      ["a/x", 0.375],
    ]);
    expect(report.models[0]).toMatchObject({
      calls: 2,
      promptTokens: 200,
      completionTokens: 20,
    });
  });

  it("reads from the month's start when the month is longer than the window", () => {
    expect(reportStart(at("2026-12-31T12:00:00Z")).toISOString()).toBe(
      "2026-12-01T00:00:00.000Z",
    );
    expect(reportStart(now).toISOString()).toBe("2026-11-05T00:00:00.000Z");
  });
});

describe("spending by person", () => {
  const now = at("2026-12-04T12:00:00Z");
  const entry = (userId: string | null, iso: string, cost: number) => ({
    userId,
    model: "m/x",
    cost,
    promptTokens: 1,
    completionTokens: 1,
    createdAt: at(iso),
  });

  it("adds up each person and marks who is at their own cap", () => {
    const people = new Map([
      ["a", { email: "a@example.com", caps: { day: 1 } }],
      ["b", { email: "b@example.com", caps: { day: 0.5 } }],
    ]);
    const rows = spendByPerson(
      [
        entry("a", "2026-12-04T01:00:00Z", 0.75),
        entry("b", "2026-12-04T02:00:00Z", 0.5),
        entry("b", "2026-11-20T02:00:00Z", 2),
        entry(null, "2026-12-01T00:00:00Z", 0.1),
      ],
      people,
      { day: 10 },
      now,
    );
    expect(rows).toEqual([
      {
        userId: "b",
        email: "b@example.com",
        day: 0.5,
        month: 0.5,
        window: 2.5,
        calls: 2,
        capped: true,
      },
      {
        userId: "a",
        email: "a@example.com",
        day: 0.75,
        month: 0.75,
        window: 0.75,
        calls: 1,
        capped: false,
      },
      {
        userId: null,
        email: null,
        day: 0,
        month: 0.1,
        window: 0.1,
        calls: 1,
        capped: false,
      },
    ]);
  });
});
