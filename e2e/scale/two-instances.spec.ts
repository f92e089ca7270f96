// Two instances behind one address, as a load balancer would send a person
// to either: they share PostgreSQL and Redis, as a deployment of several
// machines does. A tab that reloads onto the
// other instance mid-reply follows the reply live, and Stop pressed there
// reaches the instance that runs it.

import {
  dropSchema,
  freshSchemaUrl,
  postgresqlSkipReason,
  queryRows,
} from "../postgres/database";
import { type AppServer, startApp } from "../support/app-server";
import { APP_PORT } from "../support/config";
import { ChatPage, expect, test } from "../support/fixtures";
import { missingService, TEST_REDIS_URL } from "../support/services";

const databaseUrl = freshSchemaUrl("scale");
const ports = [APP_PORT + 24, APP_PORT + 25] as const;
let instances: AppServer[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const reason =
    (await postgresqlSkipReason()) ??
    (await missingService("Redis", TEST_REDIS_URL));
  test.skip(reason !== undefined, reason);
  const env = { REDIS_URL: TEST_REDIS_URL };
  // The first migrates the fresh schema; the second finds it up to date.
  const first = await startApp({ port: ports[0], databaseUrl, env });
  const second = await startApp({ port: ports[1], databaseUrl, env });
  instances = [first, second];
});

test.afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop("SIGKILL")));
  if (instances.length > 0) await dropSchema(databaseUrl);
});

type MessageRow = { status: string; parts: { type: string; text?: string }[] };

const readMessages = (conversationId: string) =>
  queryRows<MessageRow>(
    databaseUrl,
    `SELECT "status", "parts" FROM "Message" WHERE "conversationId" = $1
     ORDER BY "createdAt", "id"`,
    [conversationId],
  );

const storedText = (row: MessageRow | undefined) =>
  (row?.parts ?? [])
    .map((part) => (part.type === "text" ? (part.text ?? "") : ""))
    .join("");

const words = (count: number) =>
  Array.from({ length: count }, (_, index) => `w${index + 1}`).join(" ");

test("a reload that lands on the other instance follows the reply live", async ({
  fake,
  page,
  uniquePrompt,
}) => {
  const [a, b] = instances as [AppServer, AppServer];
  const prompt = uniquePrompt("Count across two servers");
  await fake.script(prompt, {
    kind: "stream",
    // Long enough to still be running after a reload on a busy machine.
    text: words(60),
    tokenDelayMs: 150,
  });
  const chat = new ChatPage(page);
  await chat.open(`${a.url}/`);
  await chat.send(prompt);
  await expect(chat.lastAssistant()).toContainText("w2");
  const conversationId = chat.conversationId();

  await page.goto(`${b.url}/c/${conversationId}`);
  const reply = chat.lastAssistant();
  await expect(reply).toHaveAttribute("data-status", "streaming");
  await expect(reply).toContainText("w1 w2");
  await expect(reply).not.toContainText("w60");
  await expect(reply).toHaveAttribute("data-status", "complete", {
    timeout: 20_000,
  });
  await expect(reply).toContainText(words(60));

  const rows = await readMessages(conversationId);
  expect(rows.map((row) => row.status)).toEqual(["complete", "complete"]);
  expect(storedText(rows[1])).toBe(words(60));
});

test("Stop on the other instance stops the reply where it runs", async ({
  fake,
  page,
  uniquePrompt,
}) => {
  const [a, b] = instances as [AppServer, AppServer];
  const prompt = uniquePrompt("A story that never ends");
  await fake.script(prompt, {
    kind: "stream",
    text: words(300),
    tokenDelayMs: 100,
  });
  const chat = new ChatPage(page);
  await chat.open(`${a.url}/`);
  await chat.send(prompt);
  await expect(chat.lastAssistant()).toContainText("w2");
  const conversationId = chat.conversationId();

  await page.goto(`${b.url}/c/${conversationId}`);
  await expect(chat.lastAssistant()).toContainText("w4");
  await chat.stopButton.click();

  const reply = chat.lastAssistant();
  await expect(reply).toHaveAttribute("data-status", "stopped");
  await expect
    .poll(async () => (await readMessages(conversationId)).at(-1)?.status)
    .toBe("stopped");
  const saved = storedText((await readMessages(conversationId))[1]);
  expect(saved).toMatch(/^w1 w2 w3 w4/);
  expect(saved.length).toBeLessThan(words(300).length);
  // Reloaded, the page shows the reply as it was saved when stopped.
  await page.reload();
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "stopped");
  await expect(chat.lastAssistant()).toContainText(
    saved.split(" ").at(-1) ?? "",
  );
});
