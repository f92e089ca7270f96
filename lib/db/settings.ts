import "server-only";
import { getDb } from "./client";
import { withDatabase } from "./errors";
import type { Prisma } from "./generated/client";

const DEFAULTS_ID = "default";

export type StoredAppSettings = { model: string; settings: unknown };

export function getAppSettings(): Promise<StoredAppSettings | null> {
  return withDatabase(() =>
    getDb().appSettings.findUnique({
      where: { id: DEFAULTS_ID },
      select: { model: true, settings: true },
    }),
  );
}

export function saveAppSettings({
  model,
  settings,
}: {
  model: string;
  settings: object;
}): Promise<void> {
  return withDatabase(async () => {
    const data = { model, settings: settings as Prisma.InputJsonValue };
    await getDb().appSettings.upsert({
      where: { id: DEFAULTS_ID },
      create: { id: DEFAULTS_ID, ...data },
      update: data,
    });
  });
}
