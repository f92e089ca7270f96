import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "./client";
import { withDatabase } from "./errors";

/**
 * The spending ledger: one row per call to OpenRouter that reported a
 * cost. Replies are written by `finishReply` in the transaction that saves
 * them; other calls (titles) through `recordSpend`.
 */
export type SpendRow = {
  kind: string;
  model: string;
  cost: number;
  promptTokens: number | null;
  completionTokens: number | null;
  createdAt: Date;
};

export function recordSpend(entry: Omit<SpendRow, "createdAt">): Promise<void> {
  return withDatabase(async () => {
    await getDb().spendEntry.create({ data: { id: randomUUID(), ...entry } });
  });
}

/** Dollars spent from `since` on. */
export function totalSpentSince(since: Date): Promise<number> {
  return withDatabase(async () => {
    const result = await getDb().spendEntry.aggregate({
      where: { createdAt: { gte: since } },
      _sum: { cost: true },
    });
    return result._sum.cost ?? 0;
  });
}

export function spendSince(since: Date): Promise<SpendRow[]> {
  return withDatabase(() =>
    getDb().spendEntry.findMany({
      where: { createdAt: { gte: since } },
      select: {
        kind: true,
        model: true,
        cost: true,
        promptTokens: true,
        completionTokens: true,
        createdAt: true,
      },
      orderBy: { createdAt: "asc" },
    }),
  );
}
