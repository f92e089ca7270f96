// Applies prisma/migrations through Prisma's WebAssembly schema engine and a
// driver adapter, because the Prisma 7 CLI insists on downloading a native
// engine first (see README, "Why migrations don't use `prisma migrate`").
// The engine keeps Prisma's own `_prisma_migrations` table (same layout,
// sha256 checksums), so the history stays readable by the Prisma CLI.

import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import {
  mockMigrationAwareAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type {
  DiagnoseMigrationHistoryOutput,
  MigrationList,
  SchemaEngine,
} from "@prisma/schema-engine-wasm";
import Database from "better-sqlite3";
import { engineMessage, withSchemaEngine } from "./schema-engine";
import { sqliteFilePath } from "./sqlite-path";

export const databaseProviders = ["sqlite"] as const;
export type DatabaseProvider = (typeof databaseProviders)[number];

// Everything that differs per database lives here. PostgreSQL will add an
// entry with its own migrations folder and `@prisma/adapter-pg`.
const providers: Record<
  DatabaseProvider,
  {
    /** Relative to the repo root. */
    migrationsDir: string;
    schemaPath: string;
    mockAdapter: "sqlite" | "postgres";
    connect: (databaseUrl: string) => SqlMigrationAwareDriverAdapterFactory;
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
};

const noFilters = { externalTables: [], externalEnums: [] };

export function providerForUrl(databaseUrl: string): DatabaseProvider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  const scheme = databaseUrl.split(":")[0];
  throw new Error(`DATABASE_URL: unsupported database "${scheme}:"`);
}

/** Absolute paths of a provider's schema and migrations folder. */
export function providerPaths(provider: DatabaseProvider) {
  const { migrationsDir, schemaPath } = providers[provider];
  return {
    migrationsDir: path.resolve(migrationsDir),
    schemaPath: path.resolve(schemaPath),
  };
}

export async function migrateDatabase({
  databaseUrl,
  migrationsDir,
}: {
  databaseUrl: string;
  /** Defaults to the provider's folder; tests point elsewhere. */
  migrationsDir?: string;
}): Promise<{ applied: string[] }> {
  const provider = providerForUrl(databaseUrl);
  const migrationsList = readMigrations(
    migrationsDir ?? providerPaths(provider).migrationsDir,
  );
  const adapter = providers[provider].connect(databaseUrl);
  const outcome = await withSchemaEngine(adapter, async (engine) => {
    const diagnose = () => diagnoseHistory(engine, migrationsList);
    assertHistoryIsClean(await diagnose());
    try {
      const result = await engine.applyMigrations({
        migrationsList,
        filters: noFilters,
      });
      return { applied: result.appliedMigrationNames };
    } catch (error) {
      // The engine's own error does not name the migration; the history
      // written during the attempt does.
      const history = await diagnose().catch(() => null);
      const [failed] = history?.failedMigrationNames ?? [];
      if (!failed) throw error;
      const message = `migration ${failed} failed: ${engineMessage(error)}`;
      throw new Error(message, { cause: error });
    }
  });
  providers[provider].prepare?.(databaseUrl);
  return outcome;
}

async function diagnoseHistory(
  engine: SchemaEngine,
  migrationsList: MigrationList,
): Promise<DiagnoseMigrationHistoryOutput> {
  try {
    return await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: noFilters,
    });
  } catch (error) {
    // Through a driver adapter the engine reports a database without the
    // migrations table as P1014 instead of an empty history.
    if (!isMissingMigrationsTable(error)) throw error;
    return {
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: false,
      history: null,
    };
  }
}

function isMissingMigrationsTable(error: unknown) {
  return (
    error instanceof Error &&
    (error as { code?: string }).code === "P1014" &&
    error.message.includes("_prisma_migrations")
  );
}

function assertHistoryIsClean(diagnosis: DiagnoseMigrationHistoryOutput) {
  const [failed] = diagnosis.failedMigrationNames;
  if (failed) {
    throw new Error(
      `migration ${failed} failed earlier and is still marked as failed ` +
        "in _prisma_migrations; repair the database by hand, then mark " +
        "it rolled back (prisma migrate resolve --rolled-back)",
    );
  }
  const [edited] = diagnosis.editedMigrationNames;
  if (edited) {
    throw new Error(
      `migration ${edited} was modified after it was applied ` +
        "(checksum mismatch); restore its migration.sql",
    );
  }
  const { history } = diagnosis;
  if (
    history?.diagnostic === "migrationsDirectoryIsBehind" ||
    history?.diagnostic === "historiesDiverge"
  ) {
    const names = history.unpersistedMigrationNames.join(", ");
    throw new Error(
      `the database has applied migrations missing from the migrations ` +
        `folder: ${names}`,
    );
  }
}

/** The SQL that turns schema `from` into schema `to`, or null if none. */
export async function diffSchemas({
  provider,
  from,
  to,
}: {
  provider: DatabaseProvider;
  /** null diffs from an empty database. */
  from: string | null;
  to: string;
}): Promise<string | null> {
  const target = (content: string) => ({
    tag: "schemaDatamodel" as const,
    files: [{ path: "schema.prisma", content }],
  });
  // Diffing two schema texts never reaches a database.
  const adapter = mockMigrationAwareAdapterFactory(
    providers[provider].mockAdapter,
  );
  return withSchemaEngine(adapter, async (engine) => {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : target(from),
      to: target(to),
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    // exitCode 2 means "the schemas differ", as in `migrate diff`.
    return result.exitCode === 2 ? (result.stdout ?? "") : null;
  });
}

function readMigrations(baseDir: string): MigrationList {
  const lockfile = "migration_lock.toml";
  const names = readdirSync(baseDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir,
    lockfile: { path: lockfile, content: readOptional(baseDir, lockfile) },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const content = readOptional(baseDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content:
            content === null
              ? { tag: "error", value: `${name}/migration.sql is missing` }
              : { tag: "ok", value: content },
        },
      };
    }),
  };
}

function readOptional(...segments: string[]) {
  try {
    return readFileSync(path.join(...segments), "utf8");
  } catch {
    return null;
  }
}
