// Many people chatting at once against one instance: every message is
// answered and saved, no request fails, and SQLite never reports itself
// busy or locked.

import { randomUUID } from "node:crypto";
import { newTurn, readMessages, sendMessage, storedText } from "../api/helpers";
import { errorChunks, parseSse, textOf } from "../api/sse";
import { expect, test } from "../support/fixtures";
import { FAULT_PORTS, type FaultApp, startFaultApp } from "./support";

const USERS = 20;
const MESSAGES_EACH = 5;
let app: FaultApp | undefined;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  app = await startFaultApp({ port: FAULT_PORTS.load, name: "load" });
});

test.afterAll(async () => {
  await app?.stop();
});

type Sent = { conversationId: string; texts: string[]; replies: string[] };

/** One person: a conversation of several messages, each after the reply. */
async function chatter(baseUrl: string, user: number, run: string) {
  const turn = newTurn();
  const sent: Sent = {
    conversationId: turn.conversationId,
    texts: [],
    replies: [],
  };
  const failures: string[] = [];
  for (let index = 0; index < MESSAGES_EACH; index++) {
    const text = `Load ${run} user ${user} message ${index}`;
    const response = await sendMessage(
      { conversationId: turn.conversationId, messageId: randomUUID() },
      text,
      { baseUrl },
    );
    const body = await response.text();
    const { chunks, done } = parseSse(body);
    const errors = errorChunks(chunks).map((chunk) => chunk.errorText);
    if (response.status !== 200 || !done || errors.length > 0) {
      failures.push(`${text}: ${response.status} ${errors.join(" ")}`);
    }
    sent.texts.push(text);
    sent.replies.push(textOf(chunks));
  }
  return { sent, failures };
}

test(`${USERS} people sending ${MESSAGES_EACH} messages each at once`, async () => {
  test.setTimeout(90_000);
  const server = app as FaultApp;
  const run = randomUUID().slice(0, 8);
  const started = Date.now();
  const results = await Promise.all(
    Array.from({ length: USERS }, (_, user) => chatter(server.url, user, run)),
  );
  const seconds = (Date.now() - started) / 1000;
  const failures = results.flatMap((result) => result.failures);
  console.log(
    `load: ${USERS * MESSAGES_EACH} messages from ${USERS} people in ` +
      `${seconds.toFixed(1)} s, ${failures.length} failed`,
  );
  expect(failures).toEqual([]);
  // A reply's log line follows its last write: all there, all written.
  const completed = () =>
    server
      .output()
      .split("\n")
      .filter((line) => line.includes('"msg":"chat reply"'))
      .filter((line) => line.includes('"status":"complete"'));
  await expect.poll(() => completed().length).toBe(USERS * MESSAGES_EACH);

  for (const { sent } of results) {
    // The default fake reply echoes the message.
    expect(sent.replies).toEqual(sent.texts.map((text) => `Echo: ${text}`));
    const rows = readMessages(sent.conversationId, server.databaseUrl);
    expect(rows.map((row) => [row.role, row.status])).toEqual(
      sent.texts.flatMap(() => [
        ["user", "complete"],
        ["assistant", "complete"],
      ]),
    );
    expect(rows.map((row) => storedText(row))).toEqual(
      sent.texts.flatMap((text) => [text, `Echo: ${text}`]),
    );
    expect(rows.map((row) => row.parentId)).toEqual([
      null,
      ...rows.slice(0, -1).map((row) => row.id),
    ]);
  }

  const output = server.output();
  expect(output).not.toMatch(/SQLITE_BUSY|database is locked/i);
  const errorLines = output
    .split("\n")
    .filter((line) => line.includes('"level":"error"'));
  expect(errorLines).toEqual([]);
});
