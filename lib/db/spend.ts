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
  userId: string | null;
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

/** Dollars one person spent from `since` on. */
export function totalSpentSince(since: Date, userId: string): Promise<number> {
  return withDatabase(async () => {
    const result = await getDb().spendEntry.aggregate({
      where: { userId, createdAt: { gte: since } },
      _sum: { cost: true },
    });
    return result._sum.cost ?? 0;
  });
}

/** The ledger from `since` on: one person's, or everyone's. */
export function spendSince(since: Date, userId?: string): Promise<SpendRow[]> {
  return withDatabase(() =>
    getDb().spendEntry.findMany({
      where: { createdAt: { gte: since }, ...(userId ? { userId } : {}) },
      select: {
        userId: true,
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
