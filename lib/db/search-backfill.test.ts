import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { migrateDatabase } from "./migrate";
import { olderInstall } from "./older-install";

const dir = mkdtempSync(path.join(tmpdir(), "parley-backfill-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("indexes the conversations that existed before the search migration", async () => {
  const { databaseUrl, migration: search } = await olderInstall({
    dir,
    suffix: "search",
  });

  const db = new Database(databaseUrl.slice("file:".length));
  const at = new Date().toISOString().replace("Z", "+00:00");
  db.prepare(
    `INSERT INTO "Conversation" ("id", "title", "model", "createdAt",
       "updatedAt") VALUES ('c1', 'Old trip', 'm', ?, ?)`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO "Message" ("id", "conversationId", "role", "parts",
       "status", "updatedAt") VALUES ('m1', 'c1', 'user', ?, 'complete', ?)`,
  ).run(JSON.stringify([{ type: "text", text: "Lisbon trams" }]), at);
  db.close();

  const { applied } = await migrateDatabase({ databaseUrl });
  expect(applied[0]).toBe(search);
  const check = new Database(databaseUrl.slice("file:".length));
  const hits = check
    .prepare(
      `SELECT s."conversationId" AS id FROM "ConversationSearchIndex" AS i
       JOIN "ConversationSearch" AS s ON s.rowid = i.rowid
       WHERE "ConversationSearchIndex" MATCH ?`,
    )
    .all('"old"* "tram"*');
  check.close();
  expect(hits).toEqual([{ id: "c1" }]);
});
