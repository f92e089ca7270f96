import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { derivePostgresqlSchema } from "../../scripts/lib/postgresql-schema.mjs";
import { diffSchemas, providerPaths } from "./migrate";
import { postgresqlConnection, providerForUrl } from "./provider";

const sqlite = providerPaths("sqlite");
const postgresql = providerPaths("postgresql");

function migrationNames(migrationsDir: string) {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe("providerForUrl", () => {
  it.each([
    ["file:./data/parley.db", "sqlite"],
    ["postgres://db/parley", "postgresql"],
    ["postgresql://user:pw@db:5432/parley?schema=chat", "postgresql"],
  ])("reads %s as %s", (url, provider) => {
    expect(providerForUrl(url)).toBe(provider);
  });

  it("refuses other databases by name", () => {
    expect(() => providerForUrl("mysql://db/parley")).toThrow(
      'unsupported database "mysql:"',
    );
  });
});

describe("postgresqlConnection", () => {
  it("takes Prisma's schema parameter out of the URL pg receives", () => {
    expect(
      postgresqlConnection("postgresql://u:p@db:5432/parley?schema=chat"),
    ).toEqual({
      connectionString: "postgresql://u:p@db:5432/parley",
      schema: "chat",
    });
    expect(postgresqlConnection("postgres://db/parley").schema).toBe("public");
  });

  it("refuses a schema name that is not a plain identifier", () => {
    expect(() =>
      postgresqlConnection('postgresql://db/parley?schema=a"b'),
    ).toThrow("must be letters, digits and _");
  });
});

describe("prisma/postgresql", () => {
  it("holds prisma/schema.prisma with only the datasource changed", () => {
    const source = readFileSync(sqlite.schemaPath, "utf8");
    // If this fails, run `npm run db:generate` and commit the result.
    expect(readFileSync(postgresql.schemaPath, "utf8")).toBe(
      derivePostgresqlSchema(source),
    );
  });

  it("has, after its baseline, the same migrations as SQLite", () => {
    const [baseline, ...rest] = migrationNames(postgresql.migrationsDir);
    expect(baseline).toMatch(/^\d{14}_baseline$/);
    const since = (baseline ?? "").slice(0, 14);
    const sqliteSince = migrationNames(sqlite.migrationsDir).filter(
      (name) => name.slice(0, 14) > since,
    );
    expect(rest).toEqual(sqliteSince);
    // The baseline stands for the SQLite migrations up to its time.
    expect(
      migrationNames(sqlite.migrationsDir).some((name) =>
        name.startsWith(`${since}_`),
      ),
    ).toBe(true);
  });

  it("covers every change to the schema", async () => {
    const snapshot = path.join(postgresql.migrationsDir, "schema.snapshot");
    const pending = await diffSchemas({
      provider: "postgresql",
      from: readFileSync(snapshot, "utf8"),
      to: readFileSync(postgresql.schemaPath, "utf8"),
    });
    // If this fails, run `npm run db:diff -- <name>` and commit the result.
    expect(pending).toBeNull();
  });
});
