import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { migrateDatabase, providerPaths } from "./migrate";

const dir = mkdtempSync(path.join(tmpdir(), "parley-spend-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("counts what replies saved before the spending ledger cost", async () => {
  const { migrationsDir } = providerPaths("sqlite");
  const [ledger] = readdirSync(migrationsDir).filter((name) =>
    name.endsWith("_spend_and_keys"),
  );
  if (!ledger) throw new Error("no spend_and_keys migration");
  // Everything before the ledger, as an older install had it.
  const before = path.join(dir, "migrations");
  cpSync(migrationsDir, before, {
    recursive: true,
    filter: (source) => {
      const [folder = ""] = path
        .relative(migrationsDir, source)
        .split(path.sep);
      return !/^\d{14}_/.test(folder) || folder < ledger;
    },
  });
  const databaseUrl = `file:${path.join(dir, "old.db")}`;
  await migrateDatabase({ databaseUrl, migrationsDir: before });

  const db = new Database(databaseUrl.slice("file:".length));
  const at = "2026-12-01T10:00:00.000+00:00";
  db.prepare(
    `INSERT INTO "Conversation" ("id", "title", "model", "createdAt",
       "updatedAt") VALUES ('c1', 'Old', 'm/x', ?, ?)`,
  ).run(at, at);
  const insert = db.prepare(
    `INSERT INTO "Message" ("id", "conversationId", "role", "parts",
       "status", "model", "cost", "promptTokens", "completionTokens",
       "createdAt", "updatedAt")
     VALUES (?, 'c1', ?, '[]', 'complete', ?, ?, ?, ?, ?, ?)`,
  );
  insert.run("q1", "user", null, null, null, null, at, at);
  insert.run("a1", "assistant", "m/x", 0.25, 100, 20, at, at);
  insert.run("a2", "assistant", "m/x", null, null, null, at, at);
  db.close();

  const { applied } = await migrateDatabase({ databaseUrl });
  expect(applied).toContain(ledger);
  const check = new Database(databaseUrl.slice("file:".length));
  const rows = check
    .prepare(
      `SELECT "id", "kind", "model", "cost", "promptTokens",
         "completionTokens", "createdAt" FROM "SpendEntry"`,
    )
    .all();
  check.close();
  expect(rows).toEqual([
    {
      id: "a1",
      kind: "reply",
      model: "m/x",
      cost: 0.25,
      promptTokens: 100,
      completionTokens: 20,
      createdAt: at,
    },
  ]);
});
