import "server-only";
import { getDb } from "./client";
import { withDatabase } from "./errors";

const SERVER_SETTINGS_ID = "server";
/**
 * The built-in owner of everything in single-user mode (PARLEY_ACCOUNTS=off).
 * It has no password, cannot sign in, and is not an account: counts and
 * lists leave it out.
 */
export const LOCAL_USER_ID = "local";
const notLocal = { id: { not: LOCAL_USER_ID } };
/** The row of settings made before accounts existed (see AppSettings). */
const LEGACY_SETTINGS_ID = "default";

export type UserSummary = {
  id: string;
  email: string;
  role: "admin" | "user";
  disabled: boolean;
  /** May fall back to OPENROUTER_API_KEY without a key of their own. */
  serverKeyAllowed: boolean;
  /** Their own caps in dollars; null: the server's (SPEND_CAP_*_USD). */
  spendCaps: PersonalCaps;
  createdAt: Date;
};

export type PersonalCaps = { day: number | null; month: number | null };

export function countUsers(): Promise<number> {
  return withDatabase(() => getDb().user.count({ where: notLocal }));
}

/** The oldest account: the administrator made on first start. */
export function getFirstUserId(): Promise<string | null> {
  return withDatabase(async () => {
    const row = await getDb().user.findFirst({
      where: notLocal,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    return row?.id ?? null;
  });
}

export function setUserRole({
  id,
  role,
}: {
  id: string;
  role: "admin" | "user";
}): Promise<void> {
  return withDatabase(async () => {
    await getDb().user.update({ where: { id }, data: { role } });
  });
}

export function getUserById({
  id,
}: {
  id: string;
}): Promise<UserSummary | null> {
  return withDatabase(async () => {
    const row = await getDb().user.findUnique({ where: { id } });
    return row ? toSummary(row) : null;
  });
}

export function listUsers(): Promise<UserSummary[]> {
  return withDatabase(async () => {
    const rows = await getDb().user.findMany({
      where: notLocal,
      orderBy: { createdAt: "asc" },
    });
    return rows.map(toSummary);
  });
}

/**
 * Gives a user every row that has no owner: conversations, spend and the
 * default settings saved by a Parley from before accounts; with
 * `fromLocalUser`, also what single-user mode's local user owns (accounts
 * turned on after running without them), its OpenRouter key included.
 * Messages and share links follow their conversation.
 */
export function adoptUnownedData({
  userId,
  fromLocalUser = false,
}: {
  userId: string;
  fromLocalUser?: boolean;
}): Promise<{ conversations: number }> {
  const previousOwners = fromLocalUser ? [null, LOCAL_USER_ID] : [null];
  return withDatabase(() =>
    getDb().$transaction(async (db) => {
      const { count } = await db.conversation.updateMany({
        where: {
          OR: previousOwners.map((owner) => ({ userId: owner })),
        },
        data: { userId },
      });
      await db.spendEntry.updateMany({
        where: { OR: previousOwners.map((owner) => ({ userId: owner })) },
        data: { userId },
      });
      // Single-user mode's key was the operator's, who now has an account.
      if (
        fromLocalUser &&
        !(await db.openRouterKey.findUnique({ where: { userId } }))
      ) {
        await db.openRouterKey.updateMany({
          where: { userId: LOCAL_USER_ID },
          data: { userId },
        });
      }
      const own = await db.appSettings.findUnique({ where: { userId } });
      const inherited = await db.appSettings.findFirst({
        where: {
          OR: [
            { id: LEGACY_SETTINGS_ID, userId: null },
            ...(fromLocalUser ? [{ userId: LOCAL_USER_ID }] : []),
          ],
        },
        orderBy: { updatedAt: "desc" },
      });
      if (inherited && !own) {
        await db.appSettings.update({
          where: { id: inherited.id },
          data: { userId },
        });
      }
      return { conversations: count };
    }),
  );
}

/** Whether a person may use the server's OpenRouter key (true if unknown). */
export function getServerKeyAllowed(userId: string): Promise<boolean> {
  return withDatabase(async () => {
    const row = await getDb().user.findUnique({
      where: { id: userId },
      select: { serverKeyAllowed: true },
    });
    return row?.serverKeyAllowed ?? true;
  });
}

export function setServerKeyAllowed({
  userId,
  allowed,
}: {
  userId: string;
  allowed: boolean;
}): Promise<void> {
  return withDatabase(async () => {
    await getDb().user.update({
      where: { id: userId },
      data: { serverKeyAllowed: allowed },
    });
  });
}

/** A person's own caps (nulls when they have none, or no such person). */
export function getPersonalCaps(userId: string): Promise<PersonalCaps> {
  return withDatabase(async () => {
    const row = await getDb().user.findUnique({
      where: { id: userId },
      select: { spendCapDailyUsd: true, spendCapMonthlyUsd: true },
    });
    return {
      day: row?.spendCapDailyUsd ?? null,
      month: row?.spendCapMonthlyUsd ?? null,
    };
  });
}

export function setPersonalCaps({
  userId,
  caps,
}: {
  userId: string;
  caps: PersonalCaps;
}): Promise<void> {
  return withDatabase(async () => {
    await getDb().user.update({
      where: { id: userId },
      data: { spendCapDailyUsd: caps.day, spendCapMonthlyUsd: caps.month },
    });
  });
}

export function getAllowSignUp(): Promise<boolean> {
  return withDatabase(async () => {
    const row = await getDb().serverSettings.findUnique({
      where: { id: SERVER_SETTINGS_ID },
    });
    return row?.allowSignUp ?? false;
  });
}

export function setAllowSignUp({ allow }: { allow: boolean }): Promise<void> {
  return withDatabase(async () => {
    await getDb().serverSettings.upsert({
      where: { id: SERVER_SETTINGS_ID },
      create: { id: SERVER_SETTINGS_ID, allowSignUp: allow },
      update: { allowSignUp: allow },
    });
  });
}

/** The built-in owner of everything when accounts are off. */
export function upsertLocalUser({
  id,
  email,
}: {
  id: string;
  email: string;
}): Promise<void> {
  return withDatabase(async () => {
    await getDb().user.upsert({
      where: { id },
      create: { id, email, name: "Local user", role: "admin" },
      update: {},
    });
  });
}

function toSummary(row: {
  id: string;
  email: string;
  role: string | null;
  banned: boolean | null;
  serverKeyAllowed: boolean;
  spendCapDailyUsd: number | null;
  spendCapMonthlyUsd: number | null;
  createdAt: Date;
}): UserSummary {
  return {
    id: row.id,
    email: row.email,
    role: row.role === "admin" ? "admin" : "user",
    disabled: row.banned === true,
    serverKeyAllowed: row.serverKeyAllowed,
    spendCaps: { day: row.spendCapDailyUsd, month: row.spendCapMonthlyUsd },
    createdAt: row.createdAt,
  };
}
