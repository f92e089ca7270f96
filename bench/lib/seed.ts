import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { MODEL } from "./streams";
import { prose } from "./text";

// Writes straight into an instance's database file, in the shape the
// migrations in prisma/migrations create and the app's Prisma client reads:
// JSON columns as text, dates as ISO strings with an explicit offset.

export type SeededConversation = { id: string; leafId: string | null };

/**
 * Conversations of `messages` messages each (user and assistant in turn,
 * each the parent of the next). The title counts as generated, so that a
 * reply in them never sets off the title request.
 */
export function seedConversations(
  databaseFile: string,
  { count, messages }: { count: number; messages: number },
): SeededConversation[] {
  const db = new Database(databaseFile);
  db.pragma("busy_timeout = 5000");
  const insertConversation = db.prepare(
    `INSERT INTO "Conversation" ("id", "title", "model", "settings",
       "titleSource", "pinned", "activeLeafId", "createdAt", "updatedAt",
       "userId")
     VALUES (?, ?, ?, '{"params":{}}', 'generated', 0, ?, ?, ?, 'local')`,
  );
  const insertMessage = db.prepare(
    `INSERT INTO "Message" ("id", "conversationId", "parentId", "role",
       "parts", "status", "model", "finishReason", "promptTokens",
       "completionTokens", "providerMetadata", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, 'complete', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const seeded: SeededConversation[] = [];
  const start = Date.now() - messages * 1000;
  const write = db.transaction(() => {
    for (let index = 0; index < count; index++) {
      const id = randomUUID();
      let parentId: string | null = null;
      const rows: unknown[][] = [];
      for (let position = 0; position < messages; position++) {
        const messageId = randomUUID();
        const at = isoDate(start + position * 1000);
        rows.push(messageRow({ messageId, id, parentId, position, at }));
        parentId = messageId;
      }
      const at = isoDate(start + messages * 1000);
      insertConversation.run(id, `Benchmark ${index}`, MODEL, parentId, at, at);
      for (const row of rows) insertMessage.run(...row);
      seeded.push({ id, leafId: parentId });
    }
  });
  try {
    write();
  } finally {
    db.close();
  }
  return seeded;
}

function messageRow({
  messageId,
  id,
  parentId,
  position,
  at,
}: {
  messageId: string;
  id: string;
  parentId: string | null;
  position: number;
  at: string;
}): unknown[] {
  if (position % 2 === 0) {
    const parts = [{ type: "text", text: prose(16, position) }];
    const row = [messageId, id, parentId, "user", JSON.stringify(parts)];
    return [...row, null, null, null, null, null, at, at];
  }
  const text = `${prose(50, position)}\n\n${prose(40, position + 7)}`;
  const parts = [{ type: "step-start" }, { type: "text", text, state: "done" }];
  // DeepSeek V4 wants its (empty) reasoning_details back on later turns.
  const metadata = { steps: [{ reasoningDetails: [] }] };
  return [
    messageId,
    id,
    parentId,
    "assistant",
    JSON.stringify(parts),
    MODEL,
    "stop",
    40,
    90,
    JSON.stringify(metadata),
    at,
    at,
  ];
}

/** The way Prisma's SQLite adapter writes dates. */
function isoDate(milliseconds: number): string {
  return new Date(milliseconds).toISOString().replace("Z", "+00:00");
}

/**
 * Empties the conversations, so that each benchmark starts from the same
 * database: the sidebar every page renders lists up to 200 of them.
 */
export function clearConversations(databaseFile: string): void {
  const db = new Database(databaseFile);
  db.pragma("busy_timeout = 5000");
  // Everything goes: no need for the cascade, which would recurse once
  // per message down a long conversation's parent chain.
  db.pragma("foreign_keys = OFF");
  try {
    db.exec('DELETE FROM "Message"; DELETE FROM "Conversation";');
  } finally {
    db.close();
  }
}
