import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dropSchema,
  freshSchemaUrl,
  queryRows,
} from "../../e2e/postgres/database";
import { skipWithoutPostgresql } from "../../e2e/postgres/vitest";
import { migrateDatabase } from "./migrate";

// The real migrations on real PostgreSQL: the triggers are the index's only
// upkeep. The same cases as search.test.ts, less diacritic folding.
const skipReason = await skipWithoutPostgresql();
const databaseUrl = freshSchemaUrl("search");
let search: typeof import("./search").searchConversations;

beforeAll(async () => {
  if (skipReason) return;
  process.env.DATABASE_URL = databaseUrl;
  await migrateDatabase({ databaseUrl });
  for (const id of ["u1", "u2"]) {
    await run(
      `INSERT INTO "user" ("id", "name", "email", "updatedAt")
       VALUES ($1, $1, $2, now())`,
      [id, `${id}@example.com`],
    );
  }
  // Through lib/db/search.ts, which hands PostgreSQL to its counterpart.
  ({ searchConversations: search } = await import("./search"));
});

afterAll(async () => {
  if (skipReason) return;
  const { getDb } = await import("./client");
  await getDb().$disconnect();
  await dropSchema(databaseUrl);
});

const run = (sql: string, values: unknown[] = []) =>
  queryRows(databaseUrl, sql, values);

function addConversation(
  id: string,
  title: string,
  minutesAgo = 0,
  userId = "u1",
) {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  return run(
    `INSERT INTO "Conversation" ("id", "title", "model", "createdAt",
       "updatedAt", "userId") VALUES ($1, $2, 'm', $3, $3, $4)`,
    [id, title, at, userId],
  );
}

function addMessage(id: string, conversationId: string, parts: unknown) {
  return run(
    `INSERT INTO "Message" ("id", "conversationId", "role", "parts",
       "status", "updatedAt") VALUES ($1, $2, 'user', $3, 'complete', now())`,
    [id, conversationId, JSON.stringify(parts)],
  );
}

const text = (value: string) => [{ type: "text", text: value }];
const ids = async (query: string, userId = "u1") =>
  (await search({ query, userId })).map((result) => result.conversationId);

describe("searchConversations on PostgreSQL", () => {
  it("finds titles and message text, by prefix, with a marked snippet", async () => {
    await addConversation("c1", "Trip planning");
    await addMessage("m1", "c1", [
      { type: "step-start" },
      { type: "reasoning", text: "hidden thoughts zebrafish" },
      ...text("Meet at the café near the quay"),
    ]);
    expect(await ids("trip")).toEqual(["c1"]);
    expect(await ids("café")).toEqual(["c1"]);
    expect(await ids("QUA")).toEqual(["c1"]);
    // Words of the title and of a message combine.
    expect(await ids("trip café")).toEqual(["c1"]);
    expect(await ids("trip zebra")).toEqual([]);
    // Only text parts are indexed.
    expect(await ids("zebrafish")).toEqual([]);
    const [result] = await search({ query: "caf", userId: "u1" });
    expect(result).toMatchObject({
      conversationId: "c1",
      title: "Trip planning",
    });
    expect(result?.snippet).toContainEqual({ text: "café", match: true });
    expect(result?.snippet.map((segment) => segment.text).join("")).toBe(
      "Meet at the café near the quay",
    );
  });

  it("follows edits, renames and deletes", async () => {
    await addConversation("c2", "Garden");
    await addMessage("m2", "c2", []);
    expect(await ids("tomatoes")).toEqual([]);
    await run(`UPDATE "Message" SET "parts" = $1 WHERE "id" = 'm2'`, [
      JSON.stringify(text("Tomatoes need sun")),
    ]);
    expect(await ids("tomatoes")).toEqual(["c2"]);
    await run(
      `UPDATE "Conversation" SET "title" = 'Allotment' WHERE "id" = 'c2'`,
    );
    expect(await ids("garden")).toEqual([]);
    expect(await ids("allotment")).toEqual(["c2"]);
    await run(`DELETE FROM "Message" WHERE "id" = 'm2'`);
    expect(await ids("tomatoes")).toEqual([]);
    await addMessage("m3", "c2", text("Compost heap"));
    await run(`DELETE FROM "Conversation" WHERE "id" = 'c2'`);
    expect(await ids("compost")).toEqual([]);
    expect(await ids("allotment")).toEqual([]);
  });

  it("keeps a malformed row writable, and puts better matches first", async () => {
    await addConversation("c3", "Broken");
    await addMessage("m4", "c3", { not: "an array" });
    await addConversation("c4", "Weather", 10);
    await addMessage("m5", "c4", text("rain"));
    await addConversation("c5", "Rain rain rain", 20);
    expect(await ids("rain")).toEqual(["c5", "c4"]);
  });

  it("treats any punctuation as text and returns nothing for none", async () => {
    const hostile = [
      '"',
      "*",
      "'",
      "\\",
      "a & b",
      "!x",
      "c:d",
      "' --",
      "(",
      "a:*|b",
    ];
    for (const query of hostile) {
      await expect(search({ query, userId: "u1" })).resolves.toBeInstanceOf(
        Array,
      );
    }
    expect(await search({ query: "  ", userId: "u1" })).toEqual([]);
    await addConversation("c6", "O'Brien's notes");
    expect(await ids("o'brien")).toEqual(["c6"]);
  });

  it("finds only the asking user's conversations", async () => {
    await addConversation("c7", "Secret plans", 0, "u2");
    await addMessage("m7", "c7", text("hidden treasure"));
    expect(await ids("treasure")).toEqual([]);
    expect(await ids("treasure", "u2")).toEqual(["c7"]);
  });
});
