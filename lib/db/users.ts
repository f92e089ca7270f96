import "server-only";
import { getDb } from "./client";
import { withDatabase } from "./errors";

const SERVER_SETTINGS_ID = "server";
/** The row of settings made before accounts existed (see AppSettings). */
const LEGACY_SETTINGS_ID = "default";

export type UserSummary = {
  id: string;
  email: string;
  role: "admin" | "user";
  disabled: boolean;
  createdAt: Date;
};

export function countUsers(): Promise<number> {
  return withDatabase(() => getDb().user.count());
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
    const rows = await getDb().user.findMany({ orderBy: { createdAt: "asc" } });
    return rows.map(toSummary);
  });
}

/**
 * Gives a user every row that has no owner: conversations and the default
 * settings saved by a Parley from before accounts. Their messages and share
 * links follow their conversation.
 */
export function adoptUnownedData({
  userId,
}: {
  userId: string;
}): Promise<{ conversations: number }> {
  return withDatabase(() =>
    getDb().$transaction(async (db) => {
      const { count } = await db.conversation.updateMany({
        where: { userId: null },
        data: { userId },
      });
      const legacy = await db.appSettings.findUnique({
        where: { id: LEGACY_SETTINGS_ID },
      });
      const own = await db.appSettings.findUnique({ where: { userId } });
      if (legacy && legacy.userId === null && !own) {
        await db.appSettings.update({
          where: { id: LEGACY_SETTINGS_ID },
          data: { userId },
        });
      }
      return { conversations: count };
    }),
  );
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
  createdAt: Date;
}): UserSummary {
  return {
    id: row.id,
    email: row.email,
    role: row.role === "admin" ? "admin" : "user",
    disabled: row.banned === true,
    createdAt: row.createdAt,
  };
}
