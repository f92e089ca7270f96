// The persistence behaviour on PostgreSQL: an instance of the production
// build with DATABASE_URL=postgresql://…, in a schema of its own, driven
// through the browser, with what it saved read back with `pg`.

import { newTurn, sendMessage } from "../api/helpers";
import { type AppServer, startApp } from "../support/app-server";
import { APP_PORT } from "../support/config";
import { type ChatPage, expect, test } from "../support/fixtures";
import {
  dropSchema,
  freshSchemaUrl,
  postgresqlSkipReason,
  queryRows,
} from "./database";

const port = APP_PORT + 30;
const baseURL = `http://127.0.0.1:${port}`;
const databaseUrl = freshSchemaUrl("e2e");
let server: AppServer | undefined;

test.describe.configure({ mode: "serial" });
test.use({ baseURL });

test.beforeAll(async () => {
  const reason = await postgresqlSkipReason();
  test.skip(reason !== undefined, reason);
  server = await startApp({ port, databaseUrl });
});

test.afterAll(async () => {
  await server?.stop();
  if (server) await dropSchema(databaseUrl);
});

type MessageRow = {
  id: string;
  parentId: string | null;
  role: string;
  status: string;
  parts: { type: string; text?: string }[];
  promptTokens: number | null;
  completionTokens: number | null;
  cost: number | null;
};

const messagesOf = (conversationId: string) =>
  queryRows<MessageRow>(
    databaseUrl,
    `SELECT * FROM "Message" WHERE "conversationId" = $1
     ORDER BY "createdAt", "id"`,
    [conversationId],
  );

const conversation = async (id: string) =>
  (
    await queryRows<{ title: string; titleSource: string; pinned: boolean }>(
      databaseUrl,
      `SELECT * FROM "Conversation" WHERE "id" = $1`,
      [id],
    )
  )[0];

const textOf = (row: MessageRow | undefined) =>
  (row?.parts ?? []).map((part) => part.text ?? "").join("");

async function chooseAction(chat: ChatPage, title: string, action: string) {
  await chat.history
    .getByRole("listitem")
    .filter({ has: chat.page.getByRole("link", { name: title }) })
    .getByRole("button", { name: "Conversation actions" })
    .click();
  await chat.page.getByRole("menuitem", { name: action }).click();
}

test("messages, a regenerated version and usage survive a reload", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Name a colour on PostgreSQL");
  const usage = { promptTokens: 120, completionTokens: 30, cost: 0.00042 };
  await fake.script(
    prompt,
    { kind: "stream", text: "Teal.", usage },
    { kind: "stream", text: "Crimson.", usage },
  );
  await chat.open();
  await chat.send(prompt);
  const reply = chat.lastAssistant();
  await expect(reply).toHaveAttribute("data-status", "complete");
  await expect(reply.getByTestId("usage")).toContainText(
    "120 in · 30 out · $0.000420",
  );
  await reply.getByRole("button", { name: "Regenerate" }).click();
  await expect(reply).toContainText("Crimson.");
  await expect(reply).toHaveAttribute("data-status", "complete");

  await page.reload();
  await expect(chat.userMessages()).toHaveText([prompt]);
  await expect(reply).toContainText("Crimson.");
  const versions = reply.getByRole("group", { name: "Versions" });
  await expect(versions).toContainText("2 / 2");
  await versions.getByRole("button", { name: "Previous version" }).click();
  await expect(reply).toContainText("Teal.");

  const rows = await messagesOf(chat.conversationId());
  expect(rows.map((row) => [row.role, row.status, textOf(row)])).toEqual([
    ["user", "complete", prompt],
    ["assistant", "complete", "Teal."],
    ["assistant", "complete", "Crimson."],
  ]);
  // Two versions: siblings answering the same user message.
  expect(rows[1]?.parentId).toBe(rows[0]?.id);
  expect(rows[2]?.parentId).toBe(rows[0]?.id);
  expect(rows[2]).toMatchObject({
    promptTokens: 120,
    completionTokens: 30,
    cost: 0.00042,
  });
});

test("rename, pin and delete are stored", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Organise me on PostgreSQL");
  const title = uniquePrompt("Renamed on PostgreSQL");
  await fake.script(prompt, { kind: "stream", text: "Fine." });
  // No generated title: the first words stay until the rename.
  await fake.register({
    match: `First message:\n${prompt}`,
    answers: "non-streams",
    responses: [{ kind: "error", status: 502, message: "No title" }],
  });
  await chat.open();
  await chat.send(prompt);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  const id = chat.conversationId();

  await chooseAction(chat, prompt, "Rename");
  const field = chat.history.getByRole("textbox", {
    name: "Conversation title",
  });
  await field.fill(title);
  await field.press("Enter");
  // The sidebar shows a change before the server has it; a reload before
  // the PATCH lands would cancel it.
  await expect
    .poll(() => conversation(id))
    .toMatchObject({ title, titleSource: "user", pinned: false });
  await page.reload();
  await chooseAction(chat, title, "Pin");
  const pinned = chat.history.getByRole("region", { name: "Pinned" });
  await expect(pinned.getByRole("link")).toHaveText([title]);
  await expect.poll(() => conversation(id)).toMatchObject({ pinned: true });
  await page.reload();
  await expect(pinned.getByRole("link")).toHaveText([title]);

  await chooseAction(chat, title, "Delete");
  await page
    .getByRole("dialog", { name: "Delete conversation?" })
    .getByRole("button", { name: "Delete" })
    .click();
  await expect(chat.history.getByRole("link", { name: title })).toHaveCount(0);
  await expect.poll(() => conversation(id)).toBeUndefined();
  expect(await messagesOf(id)).toEqual([]);
});

test("defaults saved on the settings page are stored", async ({ page }) => {
  await page.goto("/settings");
  await page.getByLabel("Temperature").fill("0.6");
  await page.getByRole("button", { name: "Save defaults" }).click();
  await expect(page.getByRole("status")).toContainText("Saved.");
  const [row] = await queryRows<{ settings: unknown }>(
    databaseUrl,
    // Single-user mode: the built-in local user's row.
    `SELECT "settings" FROM "AppSettings" WHERE "userId" = 'local'`,
  );
  expect(row?.settings).toMatchObject({ params: { temperature: 0.6 } });
  await page.reload();
  await expect(page.getByLabel("Temperature")).toHaveValue("0.6");
});

test("the same message sent twice is a 409, and search finds it", async ({
  fake,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Only once on PostgreSQL");
  await fake.script(prompt, { kind: "stream", text: "Once." });
  const turn = newTurn();
  await (await sendMessage(turn, prompt, { baseUrl: baseURL })).text();
  await expect
    .poll(async () => (await messagesOf(turn.conversationId)).at(-1)?.status)
    .toBe("complete");

  const again = await sendMessage(turn, prompt, { baseUrl: baseURL });
  expect(again.status).toBe(409);
  expect(await again.json()).toMatchObject({
    error: { code: "conflict:message" },
  });
  expect(await messagesOf(turn.conversationId)).toHaveLength(2);

  const word = prompt.split(" ").at(-1) ?? "";
  const search = await fetch(`${baseURL}/api/search?q=${word}`);
  const { results } = (await search.json()) as {
    results: { conversationId: string }[];
  };
  expect(results.map((result) => result.conversationId)).toEqual([
    turn.conversationId,
  ]);
});
