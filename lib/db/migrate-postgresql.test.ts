import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  dropSchema,
  freshSchemaUrl,
  queryRows,
  withClient,
} from "../../e2e/postgres/database";
import { skipWithoutPostgresql } from "../../e2e/postgres/vitest";
import { ParleyError } from "../errors";
import { withDatabase } from "./errors";
import { PrismaClient } from "./generated-postgresql/client";
import { diffSchemas, migrateDatabase, providerPaths } from "./migrate";
import { postgresqlConnection, postgresqlPoolConfig } from "./provider";

// Real PostgreSQL, each test in a schema of its own. Skipped with the
// reason when the server is not there; under CI=true that fails instead.
await skipWithoutPostgresql();
const { migrationsDir, schemaPath } = providerPaths("postgresql");
const schemas: string[] = [];
const dirs: string[] = [];

function newSchema(label: string) {
  const url = freshSchemaUrl(label);
  schemas.push(url);
  return url;
}

afterAll(async () => {
  await Promise.all(schemas.map((url) => dropSchema(url)));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function copyMigrations(extra: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), "parley-pg-migrations-"));
  dirs.push(dir);
  cpSync(migrationsDir, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

/** Tables, columns, indexes and constraints Prisma models, as text. */
async function describeSchema(databaseUrl: string) {
  const rows = await queryRows<{ line: string }>(
    databaseUrl,
    `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' ||
        is_nullable || ' ' || coalesce(column_default, '') AS line
      FROM information_schema.columns WHERE table_schema = current_schema()
    UNION ALL
    SELECT replace(indexdef, current_schema() || '.', '')
      FROM pg_indexes WHERE schemaname = current_schema()
    UNION ALL
    SELECT conrelid::regclass::text || ' ' || conname || ' ' ||
        pg_get_constraintdef(oid)
      FROM pg_constraint
      WHERE connamespace = current_schema()::regnamespace`,
  );
  // The search objects are hand-written; Prisma does not model them.
  return rows
    .map((row) => row.line)
    .filter((line) => !/ConversationSearch|_prisma_migrations/.test(line))
    .sort();
}

describe("PostgreSQL migrations", () => {
  it("create the tables in the URL's schema, then apply nothing", async () => {
    const databaseUrl = newSchema("migrate");
    const { schema } = postgresqlConnection(databaseUrl);
    const first = await migrateDatabase({ databaseUrl });
    expect(first.applied[0]).toMatch(/^\d{14}_baseline$/);
    const tables = await queryRows<{ table_name: string }>(
      databaseUrl,
      "SELECT table_name FROM information_schema.tables " +
        "WHERE table_schema = $1",
      [schema],
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining([
        "Conversation",
        "Message",
        "AppSettings",
        "ShareLink",
        "ConversationSearch",
        "_prisma_migrations",
      ]),
    );
    const second = await migrateDatabase({ databaseUrl });
    expect(second.applied).toEqual([]);
  });

  it("apply each migration once when instances start together", async () => {
    const databaseUrl = newSchema("race");
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => migrateDatabase({ databaseUrl })),
    );
    const applied = outcomes.flatMap((outcome) => outcome.applied).sort();
    const rows = await queryRows<{ migration_name: string }>(
      databaseUrl,
      "SELECT migration_name FROM _prisma_migrations " +
        "WHERE finished_at IS NOT NULL ORDER BY migration_name",
    );
    expect(applied).toEqual(rows.map((row) => row.migration_name));
    expect(applied.length).toBeGreaterThan(1);
  });

  it("build exactly the schema of prisma/schema.prisma", async () => {
    const migrated = newSchema("history");
    await migrateDatabase({ databaseUrl: migrated });
    // The same models created in one step from the current schema.
    const direct = newSchema("direct");
    const sql = await diffSchemas({
      provider: "postgresql",
      from: null,
      to: readFileSync(schemaPath, "utf8"),
    });
    const { schema } = postgresqlConnection(direct);
    await withClient(direct, async (client) => {
      await client.query(`CREATE SCHEMA "${schema}"`);
      await client.query(sql ?? "");
    });
    const expected = await describeSchema(direct);
    expect(expected.length).toBeGreaterThan(40);
    expect(await describeSchema(migrated)).toEqual(expected);
  });

  it("name a migration that fails, and refuse to go on", async () => {
    const databaseUrl = newSchema("broken");
    const broken = "29990101000000_broken";
    const dir = copyMigrations({ [broken]: "SELEC oops;\n" });
    await expect(
      migrateDatabase({ databaseUrl, migrationsDir: dir }),
    ).rejects.toThrow(`migration ${broken} failed: `);
    await expect(
      migrateDatabase({ databaseUrl, migrationsDir: dir }),
    ).rejects.toThrow(`migration ${broken} failed earlier`);
  });

  it("refuse a migration edited after it was applied", async () => {
    const databaseUrl = newSchema("edited");
    const { applied } = await migrateDatabase({ databaseUrl });
    await queryRows(
      databaseUrl,
      "UPDATE _prisma_migrations SET checksum = 'x' WHERE migration_name = $1",
      [applied[0]],
    );
    await expect(migrateDatabase({ databaseUrl })).rejects.toThrow(
      `migration ${applied[0]} was modified after it was applied`,
    );
  });
});

describe("PostgreSQL errors", () => {
  it("answer a duplicate with 409 and an outage with 503", async () => {
    const databaseUrl = newSchema("errors");
    await migrateDatabase({ databaseUrl });
    const db = new PrismaClient({
      adapter: new PrismaPg(postgresqlPoolConfig(databaseUrl), {
        schema: postgresqlConnection(databaseUrl).schema,
      }),
    });
    try {
      const data = { id: "c1", title: "t", model: "m" };
      await db.conversation.create({ data });
      const duplicate = withDatabase(() => db.conversation.create({ data }));
      await expect(duplicate).rejects.toBeInstanceOf(ParleyError);
      await expect(duplicate).rejects.toMatchObject({
        code: "conflict:message",
        status: 409,
      });
    } finally {
      await db.$disconnect();
    }

    // Nothing listens on port 1.
    const down = new PrismaClient({
      adapter: new PrismaPg({
        connectionString: "postgresql://x@127.0.0.1:1/x",
      }),
    });
    const outage = withDatabase(() => down.conversation.count());
    await expect(outage).rejects.toMatchObject({
      code: "database:api",
      status: 503,
    });
  });
});
