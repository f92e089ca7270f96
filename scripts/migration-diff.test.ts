import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `npm run db:diff` in a copy of the project's prisma folder: one schema
// change must give one migration per database, under one name.
const root = path.resolve(import.meta.dirname, "..");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "parley-db-diff-"));
  cpSync(path.join(root, "prisma"), path.join(dir, "prisma"), {
    recursive: true,
  });
  cpSync(path.join(root, "package.json"), path.join(dir, "package.json"));
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function diff(name: string) {
  const result = spawnSync(
    path.join(root, "node_modules/.bin/tsx"),
    [path.join(root, "scripts/migration-diff.ts"), name],
    { cwd: dir, encoding: "utf8" },
  );
  expect(result.stderr).toBe("");
  return result.stdout;
}

const folders = (relative: string) =>
  readdirSync(path.join(dir, relative), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

describe("npm run db:diff", () => {
  it("writes the same migration for SQLite and PostgreSQL", () => {
    expect(diff("nothing")).toBe(
      "sqlite: no changes\npostgresql: no changes\n",
    );
    const schema = path.join(dir, "prisma/schema.prisma");
    writeFileSync(
      schema,
      readFileSync(schema, "utf8").replace(
        /(\n {2}viewCount\s+Int\s+@default\(0\))/,
        "$1\n  note String?",
      ),
    );

    const output = diff("Share notes");
    const [sqlite] = folders("prisma/migrations").filter((name) =>
      name.endsWith("_share_notes"),
    );
    expect(sqlite).toMatch(/^\d{14}_share_notes$/);
    expect(folders("prisma/postgresql/migrations")).toContain(sqlite);
    expect(output).toContain(
      `postgresql: wrote prisma/postgresql/migrations/${sqlite}`,
    );
    const read = (relative: string) =>
      readFileSync(path.join(dir, relative), "utf8");
    expect(read(`prisma/migrations/${sqlite}/migration.sql`)).toContain(
      'ALTER TABLE "ShareLink" ADD COLUMN "note" TEXT;',
    );
    expect(
      read(`prisma/postgresql/migrations/${sqlite}/migration.sql`),
    ).toMatch(/ALTER TABLE "ShareLink" ADD COLUMN\s+"note" TEXT;/);
    // The PostgreSQL schema followed, and both snapshots moved on.
    expect(read("prisma/postgresql/schema.prisma")).toContain("note String?");
    expect(read("prisma/postgresql/migrations/schema.snapshot")).toBe(
      read("prisma/postgresql/schema.prisma"),
    );
    expect(diff("again")).toBe("sqlite: no changes\npostgresql: no changes\n");
  });
});
