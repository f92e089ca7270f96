import Database from "better-sqlite3";
import { expect, test } from "../support/fixtures";
import { ownInstance } from "../support/own-instance";
import {
  databaseFile,
  newTurn,
  sendMessage,
  settledMessages,
  storedText,
} from "./helpers";
import { parseSse } from "./sse";

// An instance of its own, so that the triggers below see only its writes.
const DATABASE_URL = "file:./data/test/write-count.db";

// Logs every row write on the two tables, whoever makes it.
const LOG_WRITES = `
  CREATE TABLE write_log (
    id INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    target TEXT NOT NULL,
    operation TEXT NOT NULL
  );
  ${["Message", "Conversation"]
    .flatMap((table) => {
      const key = table === "Message" ? "conversationId" : "id";
      return [
        ["INSERT", `NEW."${key}"`],
        ["UPDATE", `NEW."${key}"`],
        ["DELETE", `OLD."${key}"`],
      ].map(
        ([operation, conversation]) => `
          CREATE TRIGGER log_${table}_${operation}
          AFTER ${operation} ON "${table}" FOR EACH ROW
          BEGIN
            INSERT INTO write_log (conversation_id, target, operation)
            VALUES (${conversation}, '${table}', '${operation}');
          END;`,
      );
    })
    .join("\n")}
`;

test.describe.configure({ mode: "serial", timeout: 90_000 });

const app = ownInstance({ databaseUrl: DATABASE_URL });

test.beforeAll(() => {
  const db = new Database(databaseFile(DATABASE_URL));
  try {
    db.exec(LOG_WRITES);
  } finally {
    db.close();
  }
});

function writesOf(conversationId: string): string[] {
  const db = new Database(databaseFile(DATABASE_URL), { readonly: true });
  try {
    const rows = db
      .prepare(
        "SELECT target, operation FROM write_log " +
          "WHERE conversation_id = ? ORDER BY id",
      )
      .all(conversationId) as { target: string; operation: string }[];
    return rows.map((row) => `${row.operation} ${row.target}`);
  } finally {
    db.close();
  }
}

/** Sends one first message to the instance and waits for the saved reply. */
async function reply(prompt: string, text: string) {
  const turn = newTurn();
  const response = await sendMessage(turn, prompt, { baseUrl: app().url });
  const { chunks, done } = parseSse(await response.text());
  expect(done).toBe(true);
  const [, assistant] = await settledMessages(
    turn.conversationId,
    DATABASE_URL,
  );
  expect(assistant?.status).toBe("complete");
  expect(storedText(assistant)).toBe(text);
  return {
    deltas: chunks.filter((chunk) => chunk.type === "text-delta").length,
    writes: writesOf(turn.conversationId),
  };
}

test("database writes per reply do not grow with the reply's length", async ({
  fake,
  uniquePrompt,
}) => {
  const shortPrompt = uniquePrompt("Answer briefly.");
  const longPrompt = uniquePrompt("Answer at length.");
  const shortText = "One two three four five";
  const words = Array.from({ length: 2000 }, (_, index) => `w${index}`);
  const longText = words.join(" ");
  await fake.script(shortPrompt, { kind: "stream", text: shortText });
  await fake.script(longPrompt, {
    kind: "stream",
    text: longText,
    tokensPerChunk: 4,
  });

  const short = await reply(shortPrompt, shortText);
  const long = await reply(longPrompt, longText);

  expect(short.deltas).toBe(5);
  expect(long.deltas).toBe(500);
  expect(long.writes).toEqual(short.writes);
  // The conversation, the user's message and the reply's row in one
  // transaction, then the one update that ends the reply.
  expect(short.writes).toEqual([
    "INSERT Conversation",
    "INSERT Message",
    "INSERT Message",
    "UPDATE Message",
  ]);
});
