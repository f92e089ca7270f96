// Applies pending migrations to DATABASE_URL. Usage: tsx scripts/migrate.ts

import { existsSync } from "node:fs";
import { migrateDatabase } from "../lib/db/migrate";
import { DEFAULT_DATABASE_URL } from "../lib/env";

if (existsSync(".env")) process.loadEnvFile(".env");

const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

try {
  const { applied } = await migrateDatabase({ databaseUrl });
  const count = applied.length;
  console.log(
    count === 0
      ? "database: up to date"
      : `database: ${count} migration${count === 1 ? "" : "s"} applied`,
  );
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`database: migration failed: ${message}`);
  process.exitCode = 1;
}
