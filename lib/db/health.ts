import "server-only";
import { getDb } from "./client";
import { withDatabase } from "./errors";

export function checkDatabase(): Promise<void> {
  return withDatabase(async () => {
    await getDb().$queryRaw`SELECT 1`;
  });
}
