import "server-only";
import { getDb } from "./client";
import { withDatabase } from "./errors";
import type { Prisma } from "./generated/client";

export type StoredAppSettings = { model: string; settings: unknown };

/** A user's defaults for new conversations; null when never saved. */
export function getAppSettings({
  userId,
}: {
  userId: string;
}): Promise<StoredAppSettings | null> {
  return withDatabase(() =>
    getDb().appSettings.findUnique({
      where: { userId },
      select: { model: true, settings: true },
    }),
  );
}

export function saveAppSettings({
  userId,
  model,
  settings,
}: {
  userId: string;
  model: string;
  settings: object;
}): Promise<void> {
  return withDatabase(async () => {
    const data = { model, settings: settings as Prisma.InputJsonValue };
    await getDb().appSettings.upsert({
      where: { userId },
      create: { id: userId, userId, ...data },
      update: data,
    });
  });
}
