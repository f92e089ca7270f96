import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "./migrate";

// The real migrations on a real file: the triggers are the index's only
// upkeep, and a later migration that rebuilds a table drops them.
const dir = mkdtempSync(path.join(tmpdir(), "parley-search-"));
const file = path.join(dir, "search.db");
let db: Database.Database;
let search: typeof import("./search").searchConversations;

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${file}`;
  await migrateDatabase({ databaseUrl: `file:${file}` });
  db = new Database(file);
  for (const id of ["u1", "u2"]) {
    db.prepare(
      `INSERT INTO "user" ("id", "name", "email", "updatedAt")
       VALUES (?, ?, ?, ?)`,
    ).run(id, id, `${id}@example.com`, iso(new Date()));
  }
  ({ searchConversations: search } = await import("./search"));
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");

function addConversation(
  id: string,
  title: string,
  minutesAgo = 0,
  userId = "u1",
) {
  const at = iso(new Date(Date.now() - minutesAgo * 60_000));
  db.prepare(
    `INSERT INTO "Conversation" ("id", "title", "model", "createdAt",
       "updatedAt", "userId") VALUES (?, ?, 'm', ?, ?, ?)`,
  ).run(id, title, at, at, userId);
}

function addMessage(id: string, conversationId: string, parts: unknown) {
  db.prepare(
    `INSERT INTO "Message" ("id", "conversationId", "role", "parts",
       "status", "updatedAt") VALUES (?, ?, 'user', ?, 'complete', ?)`,
  ).run(
    id,
    conversationId,
    typeof parts === "string" ? parts : JSON.stringify(parts),
    iso(new Date()),
  );
}

const text = (value: string) => [{ type: "text", text: value }];
const ids = async (query: string, userId = "u1") =>
  (await search({ query, userId })).map((result) => result.conversationId);

describe("searchConversations", () => {
  it("has every trigger that keeps the index in step", () => {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
      .all()
      .map((row) => (row as { name: string }).name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Conversation_search_insert",
        "Conversation_search_title",
        "Conversation_search_delete",
        "Message_search_insert",
        "Message_search_update",
        "Message_search_delete",
      ]),
    );
  });

  it("finds titles and message text, with diacritics folded and prefixes", async () => {
    addConversation("c1", "Trip planning");
    addMessage("m1", "c1", [
      { type: "step-start" },
      { type: "reasoning", text: "hidden thoughts zebrafish" },
      ...text("Meet at the café near the quay"),
    ]);
    expect(await ids("trip")).toEqual(["c1"]);
    expect(await ids("cafe")).toEqual(["c1"]);
    expect(await ids("QUA")).toEqual(["c1"]);
    // Words of the title and of a message combine.
    expect(await ids("trip café")).toEqual(["c1"]);
    expect(await ids("trip zebra")).toEqual([]);
    // Only text parts are indexed.
    expect(await ids("zebrafish")).toEqual([]);
    const [result] = await search({ query: "cafe", userId: "u1" });
    expect(result?.snippet).toContainEqual({ text: "café", match: true });
  });

  it("follows edits, renames and deletes", async () => {
    addConversation("c2", "Garden");
    addMessage("m2", "c2", []);
    expect(await ids("tomatoes")).toEqual([]);
    db.prepare(`UPDATE "Message" SET "parts" = ? WHERE "id" = 'm2'`).run(
      JSON.stringify(text("Tomatoes need sun")),
    );
    expect(await ids("tomatoes")).toEqual(["c2"]);
    db.prepare(
      `UPDATE "Conversation" SET "title" = 'Allotment' WHERE "id" = 'c2'`,
    ).run();
    expect(await ids("garden")).toEqual([]);
    expect(await ids("allotment")).toEqual(["c2"]);
    db.prepare(`DELETE FROM "Message" WHERE "id" = 'm2'`).run();
    expect(await ids("tomatoes")).toEqual([]);
    db.pragma("foreign_keys = ON");
    addMessage("m3", "c2", text("Compost heap"));
    db.prepare(`DELETE FROM "Conversation" WHERE "id" = 'c2'`).run();
    expect(await ids("compost")).toEqual([]);
    expect(await ids("allotment")).toEqual([]);
  });

  it("keeps a malformed row writable, and puts better matches first", async () => {
    addConversation("c3", "Broken");
    addMessage("m4", "c3", "{not json");
    addConversation("c4", "Weather", 10);
    addMessage("m5", "c4", text("rain"));
    addConversation("c5", "Rain rain rain", 20);
    expect(await ids("rain")).toEqual(["c5", "c4"]);
  });

  it("treats any punctuation as text and returns nothing for none", async () => {
    for (const query of ['"', "*", "NEAR(", "a OR", "-x", "c:d", "' --"]) {
      await expect(search({ query, userId: "u1" })).resolves.toBeInstanceOf(
        Array,
      );
    }
    expect(await search({ query: "  ", userId: "u1" })).toEqual([]);
  });

  it("finds only the asking user's conversations", async () => {
    addConversation("c7", "Secret plans", 0, "u2");
    addMessage("m7", "c7", text("hidden treasure"));
    expect(await ids("treasure")).toEqual([]);
    expect(await ids("treasure", "u2")).toEqual(["c7"]);
    expect(await ids("secret", "u2")).toEqual(["c7"]);
  });
});
