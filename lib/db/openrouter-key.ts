import "server-only";
import { getDb } from "./client";
import { withDatabase } from "./errors";

const ROW_ID = "default";

export type StoredKeyRow = {
  encryptedKey: string;
  lastFour: string;
  source: string;
  createdAt: Date;
};

export function getStoredKey(): Promise<StoredKeyRow | null> {
  return withDatabase(() =>
    getDb().openRouterKey.findUnique({
      where: { id: ROW_ID },
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
  row: Omit<StoredKeyRow, "createdAt">,
): Promise<void> {
  return withDatabase(async () => {
    // A new key is a new connection: its date is now.
    const data = { ...row, createdAt: new Date() };
    await getDb().openRouterKey.upsert({
      where: { id: ROW_ID },
      create: { id: ROW_ID, ...data },
      update: data,
    });
  });
}

/** True when there was a key to remove. */
export function deleteStoredKey(): Promise<boolean> {
  return withDatabase(async () => {
    const result = await getDb().openRouterKey.deleteMany({
      where: { id: ROW_ID },
    });
    return result.count > 0;
  });
}
