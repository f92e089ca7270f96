import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";
import { sqliteFilePath } from "./lib/db/sqlite-path";
import { DEFAULT_DATABASE_URL } from "./lib/env";

// Prisma 7 no longer reads .env; a variable already set wins over the file.
if (existsSync(".env")) process.loadEnvFile(".env");

const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    // Absolute, so that the CLI opens the same file as the app and
    // scripts/migrate.ts whatever directory it resolves paths against.
    url: databaseUrl.startsWith("file:")
      ? `file:${sqliteFilePath(databaseUrl)}`
      : databaseUrl,
  },
});
