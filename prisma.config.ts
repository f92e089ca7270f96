import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";
import { providerForUrl } from "./lib/db/provider";
import { sqliteFilePath } from "./lib/db/sqlite-path";
import { DEFAULT_DATABASE_URL } from "./lib/env";

// Prisma 7 no longer reads .env; a variable already set wins over the file.
if (existsSync(".env")) process.loadEnvFile(".env");

const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const sqlite = providerForUrl(databaseUrl) === "sqlite";

// For the Prisma CLI (studio, migrate resolve); the app and
// scripts/migrate.ts choose the same schema and history by the URL's scheme.
export default defineConfig({
  schema: sqlite ? "prisma/schema.prisma" : "prisma/postgresql/schema.prisma",
  migrations: {
    path: sqlite ? "prisma/migrations" : "prisma/postgresql/migrations",
  },
  datasource: {
    // Absolute, so that the CLI opens the same file as the app and
    // scripts/migrate.ts whatever directory it resolves paths against.
    url: sqlite ? `file:${sqliteFilePath(databaseUrl)}` : databaseUrl,
  },
});
