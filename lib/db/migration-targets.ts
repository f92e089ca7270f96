// What the migrator needs to know per database: where its schema and
// history live and how the schema engine reaches it. Each database has its
// own migrations folder, kept in step by `npm run db:diff`.

import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import pg from "pg";
import {
  type DatabaseProvider,
  postgresqlConnection,
  postgresqlPoolConfig,
} from "./provider";
import { sqliteFilePath } from "./sqlite-path";

export const migrationTargets: Record<
  DatabaseProvider,
  {
    /** Relative to the repo root. */
    migrationsDir: string;
    schemaPath: string;
    mockAdapter: "sqlite" | "postgres";
    connect: (databaseUrl: string) => SqlMigrationAwareDriverAdapterFactory;
    /** What must exist before the engine connects. */
    ensure?: (databaseUrl: string) => Promise<void>;
    /** Settings that belong to the database file rather than a connection. */
    prepare?: (databaseUrl: string) => void;
  }
> = {
  sqlite: {
    migrationsDir: "prisma/migrations",
    schemaPath: "prisma/schema.prisma",
    mockAdapter: "sqlite",
    connect: (databaseUrl) => {
      // Migrating runs first on a fresh install, so it makes the directory.
      const file = sqliteFilePath(databaseUrl);
      mkdirSync(path.dirname(file), { recursive: true });
      return new PrismaBetterSqlite3({ url: file });
    },
    // WAL lets readers carry on while a reply is being saved; the setting
    // is stored in the file, so setting it once here covers every process.
    prepare: (databaseUrl) => {
      const database = new Database(sqliteFilePath(databaseUrl));
      try {
        database.pragma("journal_mode = WAL");
      } finally {
        database.close();
      }
    },
  },
  postgresql: {
    migrationsDir: "prisma/postgresql/migrations",
    schemaPath: "prisma/postgresql/schema.prisma",
    mockAdapter: "postgres",
    connect: (databaseUrl) =>
      wholeScripts(
        new PrismaPg(postgresqlPoolConfig(databaseUrl), {
          schema: postgresqlConnection(databaseUrl).schema,
        }),
      ),
    // As `prisma migrate` does, a schema named in the URL is created.
    ensure: async (databaseUrl) => {
      const { schema } = postgresqlConnection(databaseUrl);
      const client = new pg.Client(postgresqlPoolConfig(databaseUrl));
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      } catch (error) {
        // Two instances starting at once: IF NOT EXISTS is no lock, and
        // the loser sees the winner's schema as a duplicate.
        if (!isDuplicateSchema(error)) throw error;
      } finally {
        await client.end();
      }
    },
  },
};

function isDuplicateSchema(error: unknown) {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "42P06";
}

/**
 * `@prisma/adapter-pg` runs a migration by splitting it at every `;`, which
 * breaks on a `;` in a comment, a string or a function body. PostgreSQL
 * takes the whole script in one simple query instead, as one implicit
 * transaction, which is what Prisma's native engine does.
 */
function wholeScripts(
  factory: PrismaPg,
): SqlMigrationAwareDriverAdapterFactory {
  const patch = (adapter: Awaited<ReturnType<PrismaPg["connect"]>>) => {
    adapter.executeScript = async (script) => {
      await adapter.underlyingDriver().query(script);
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}
