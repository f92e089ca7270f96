import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { migrateDatabase } from "./migrate";
import { olderInstall } from "./older-install";

const dir = mkdtempSync(path.join(tmpdir(), "parley-spend-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("counts what replies saved before the spending ledger cost", async () => {
  const { databaseUrl, migration: ledger } = await olderInstall({
    dir,
    suffix: "spend_and_keys",
  });

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
