// Applies the migrations of DATABASE_URL's database (prisma/migrations on
// SQLite, prisma/postgresql/migrations on PostgreSQL) through Prisma's
// WebAssembly schema engine and a driver adapter, because the Prisma 7 CLI insists on downloading a native
// engine first (see README, "Why migrations don't use `prisma migrate`").
// The engine keeps Prisma's own `_prisma_migrations` table (same layout,
// sha256 checksums), so the history stays readable by the Prisma CLI.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type {
  DiagnoseMigrationHistoryOutput,
  MigrationList,
  SchemaEngine,
} from "@prisma/schema-engine-wasm";
import { migrationTargets } from "./migration-targets";
import { type DatabaseProvider, providerForUrl } from "./provider";
import {
  engineMessage,
  offlineAdapterFactory,
  withSchemaEngine,
} from "./schema-engine";

export {
  type DatabaseProvider,
  databaseProviders,
  providerForUrl,
} from "./provider";

const noFilters = { externalTables: [], externalEnums: [] };

/** Absolute paths of a provider's schema and migrations folder. */
export function providerPaths(provider: DatabaseProvider) {
  const { migrationsDir, schemaPath } = migrationTargets[provider];
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
  await migrationTargets[provider].ensure?.(databaseUrl);
  const adapter = migrationTargets[provider].connect(databaseUrl);
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
  migrationTargets[provider].prepare?.(databaseUrl);
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
  const adapter = offlineAdapterFactory(migrationTargets[provider].mockAdapter);
  return withSchemaEngine(adapter, async (engine) => {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : target(from),
      to: target(to),
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    // exitCode 2 means "the schemas differ", as in `migrate diff`.
    if (result.exitCode !== 2) return null;
    // From empty, PostgreSQL's script starts by creating "public", which
    // needs a privilege on the database that an app's role may not have;
    // scripts/migrate.ts creates the URL's schema itself.
    return (result.stdout ?? "").replace(
      /^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/,
      "",
    );
  });
}

/**
 * The SQL that would bring a migrated database to its provider's schema,
 * or null when it matches: what the migrations miss. `ignoreTables` are
 * hand-written tables Prisma does not model (search). SQLite only for now:
 * through `@prisma/adapter-pg` the engine cannot read PostgreSQL's catalog
 * (it stops at columns of type "char"), see lib/db/migrate-postgresql.test.ts.
 */
export async function diffDatabase({
  databaseUrl,
  ignoreTables = [],
}: {
  databaseUrl: string;
  ignoreTables?: string[];
}): Promise<string | null> {
  const provider = providerForUrl(databaseUrl);
  const schema = readFileSync(providerPaths(provider).schemaPath, "utf8");
  const adapter = migrationTargets[provider].connect(databaseUrl);
  return withSchemaEngine(adapter, async (engine) => {
    const result = await engine.diff({
      // The datasource is the connection the adapter opens.
      from: {
        tag: "schemaDatasource",
        files: [{ path: "schema.prisma", content: schema }],
        configDir: ".",
      },
      to: {
        tag: "schemaDatamodel",
        files: [{ path: "schema.prisma", content: schema }],
      },
      script: true,
      exitCode: true,
      filters: { externalTables: ignoreTables, externalEnums: [] },
    });
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
