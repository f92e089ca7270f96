import "server-only";
import { getDb } from "./client";
import { withDatabase } from "./errors";

export type StoredKeyRow = {
  encryptedKey: string;
  lastFour: string;
  source: string;
  createdAt: Date;
};

export function getStoredKey(userId: string): Promise<StoredKeyRow | null> {
  return withDatabase(() =>
    getDb().openRouterKey.findUnique({
      where: { userId },
      select: {
        encryptedKey: true,
        lastFour: true,
        source: true,
        createdAt: true,
      },
    }),
  );
}

export function saveStoredKey(
  userId: string,
  row: Omit<StoredKeyRow, "createdAt">,
): Promise<void> {
  return withDatabase(async () => {
    // A new key is a new connection: its date is now.
    const data = { ...row, createdAt: new Date() };
    await getDb().openRouterKey.upsert({
      where: { userId },
      create: { userId, ...data },
      update: data,
    });
  });
}

/** True when there was a key to remove. */
export function deleteStoredKey(userId: string): Promise<boolean> {
  return withDatabase(async () => {
    const result = await getDb().openRouterKey.deleteMany({
      where: { userId },
    });
    return result.count > 0;
  });
}
