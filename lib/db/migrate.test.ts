import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  diffDatabase,
  diffSchemas,
  migrateDatabase,
  providerPaths,
} from "./migrate";

const { migrationsDir, schemaPath } = providerPaths("sqlite");
let dir: string;
let databaseUrl: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "parley-migrate-"));
  databaseUrl = `file:${path.join(dir, "data", "test.db")}`;
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function withDatabase<T>(run: (db: Database.Database) => T) {
  const db = new Database(databaseUrl.slice("file:".length));
  try {
    return run(db);
  } finally {
    db.close();
  }
}

function query<T>(sql: string) {
  return withDatabase((db) => db.prepare(sql).all() as T[]);
}

function copyMigrations(extra: Record<string, string>) {
  const copy = path.join(dir, "migrations");
  cpSync(migrationsDir, copy, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(copy, name));
    writeFileSync(path.join(copy, name, "migration.sql"), sql);
  }
  return copy;
}

describe("migrateDatabase", () => {
  it("creates the tables on a fresh database, then applies nothing", async () => {
    const folders = readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders[0]).toMatch(/^\d{14}_init$/);
    const first = await migrateDatabase({ databaseUrl });
    expect(first.applied).toEqual(folders);

    const tables = query<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table'",
    ).map((row) => row.name);
    expect(tables).toEqual(
      expect.arrayContaining(["Conversation", "Message", "_prisma_migrations"]),
    );
    const history = query<{ migration_name: string; finished_at: unknown }>(
      "SELECT migration_name, finished_at FROM _prisma_migrations " +
        "ORDER BY migration_name",
    );
    expect(history).toEqual(
      folders.map((name) => ({
        migration_name: name,
        finished_at: expect.anything(),
      })),
    );

    const second = await migrateDatabase({ databaseUrl });
    expect(second.applied).toEqual([]);
  });

  it("refuses a migration edited after it was applied", async () => {
    const { applied } = await migrateDatabase({ databaseUrl });
    withDatabase((db) =>
      db.prepare("UPDATE _prisma_migrations SET checksum = 'x'").run(),
    );

    await expect(migrateDatabase({ databaseUrl })).rejects.toThrow(
      `migration ${applied[0]} was modified after it was applied`,
    );
  });

  it("names a migration that fails, and refuses to go on", async () => {
    const broken = "29990101000000_broken";
    const migrations = copyMigrations({ [broken]: "SELEC oops;\n" });

    await expect(
      migrateDatabase({ databaseUrl, migrationsDir: migrations }),
    ).rejects.toThrow(`migration ${broken} failed: near "SELEC"`);
    await expect(
      migrateDatabase({ databaseUrl, migrationsDir: migrations }),
    ).rejects.toThrow(`migration ${broken} failed earlier`);
  });

  it("refuses a database with migrations the folder lacks", async () => {
    const extra = "29990101000000_extra";
    const migrations = copyMigrations({
      [extra]: 'CREATE TABLE "Extra" ("id" TEXT PRIMARY KEY);\n',
    });
    await migrateDatabase({ databaseUrl, migrationsDir: migrations });

    await expect(migrateDatabase({ databaseUrl })).rejects.toThrow(
      `missing from the migrations folder: ${extra}`,
    );
  });
});

describe("prisma/migrations", () => {
  it("covers every change to prisma/schema.prisma", async () => {
    const snapshot = readFileSync(
      path.join(migrationsDir, "schema.snapshot"),
      "utf8",
    );
    const pending = await diffSchemas({
      provider: "sqlite",
      from: snapshot,
      to: readFileSync(schemaPath, "utf8"),
    });
    // If this fails, run `npm run db:diff -- <name>` and commit the result.
    expect(pending).toBeNull();
  });
});

describe("the SQLite migration history", () => {
  it("builds exactly the schema of prisma/schema.prisma", async () => {
    await migrateDatabase({ databaseUrl });
    const search = ["", "_config", "_data", "_docsize", "_idx"].map(
      (suffix) => `ConversationSearchIndex${suffix}`,
    );
    const missing = await diffDatabase({
      databaseUrl,
      // Hand-written for full-text search; Prisma does not model them.
      ignoreTables: ["ConversationSearch", ...search],
    });
    expect(missing).toBeNull();
  });
});
