// Export then import: a conversation with two branches, reasoning, a tool
// call and usage leaves one Parley as JSON and arrives in another whole;
// bad files are refused in words with nothing written.

import { readFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import type { FakeOpenRouterClient } from "../fake-openrouter/client";
import { type AppServer, startApp } from "../support/app-server";
import { ChatPage, expect, test } from "../support/fixtures";
import { freePort } from "../support/ports";

let second: AppServer | undefined;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  second = await startApp({
    port: await freePort(),
    databaseUrl: "file:./data/test/transfer-second.db",
    fresh: true,
  });
});

test.afterAll(async () => {
  await second?.stop("SIGKILL");
});

type ExportFile = {
  format: string;
  version: number;
  exportedAt: string;
  conversations: {
    id: string;
    title: string;
    messages: { id: string; parentId: string | null; parts: unknown[] }[];
  }[];
};

const secondUrl = () => second?.url ?? "";

async function exportOf(
  request: APIRequestContext,
  base: string,
  conversationId?: string,
): Promise<ExportFile> {
  const path = conversationId
    ? `/api/conversations/${conversationId}/export?format=json`
    : "/api/export?format=json";
  const response = await request.get(`${base}${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ExportFile;
}

function importInto(request: APIRequestContext, base: string, body: unknown) {
  return request.post(`${base}/api/import`, {
    headers: { "content-type": "application/json" },
    data: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function messageCount(request: APIRequestContext, base: string) {
  const file = await exportOf(request, base);
  return file.conversations.flatMap((item) => item.messages).length;
}

/** A conversation with a tool call, reasoning, and a regenerated reply. */
async function buildConversation(
  chat: ChatPage,
  fake: {
    script: (
      prompt: string,
      ...replies: Parameters<FakeOpenRouterClient["script"]>[1][]
    ) => Promise<void>;
  },
  prompt: string,
) {
  await fake.script(
    prompt,
    {
      kind: "stream",
      reasoning: "The user wants the time.",
      toolCalls: [
        { name: "current_time", arguments: { timeZone: "Europe/Paris" } },
      ],
    },
    { kind: "stream", text: "It is evening in Paris." },
    { kind: "stream", text: "Evening, Paris time." },
  );
  await chat.open();
  await chat.send(prompt);
  const reply = chat.lastAssistant();
  await expect(reply).toContainText("It is evening in Paris.");
  await expect(reply).toHaveAttribute("data-status", "complete");
  await reply.getByRole("button", { name: "Regenerate" }).click();
  await expect(reply).toContainText("Evening, Paris time.");
  await expect(reply).toHaveAttribute("data-status", "complete");
  return chat.conversationId();
}

async function downloadFromMenu(page: Page, title: string, label: string) {
  const item = page
    .getByRole("navigation", { name: "Conversations" })
    .getByRole("listitem")
    .filter({ hasText: title });
  await item.hover();
  await item.getByRole("button", { name: "Conversation actions" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: label }).click();
  return readFileSync(await (await download).path(), "utf8");
}

test("export as JSON, import elsewhere: identical, every branch; again: nothing added", async ({
  chat,
  fake,
  page,
  request,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("What time is it in Paris?");
  const conversationId = await buildConversation(chat, fake, prompt);

  const fromMenu = JSON.parse(
    await downloadFromMenu(page, prompt, "Export as JSON"),
  ) as ExportFile;
  expect(fromMenu.format).toBe("parley-export");
  const [exported] = fromMenu.conversations;
  expect(exported?.id).toBe(conversationId);
  // Question, the first reply (tool call, reasoning), the regenerated one.
  expect(exported?.messages).toHaveLength(3);
  const firstReply = JSON.stringify(exported?.messages[1]);
  expect(firstReply).toContain('"type":"reasoning"');
  expect(firstReply).toContain('"type":"tool-current_time"');
  expect(firstReply).toMatch(/"cost":\d/);
  expect(firstReply).toContain('"usage":{"prompt":');

  const imported = await importInto(request, secondUrl(), fromMenu);
  expect(imported.status()).toBe(200);
  expect(await imported.json()).toEqual({
    conversationsCreated: 1,
    conversationsUpdated: 0,
    messagesAdded: 3,
    messagesSkipped: 0,
  });
  const reExported = await exportOf(request, secondUrl(), conversationId);
  expect(reExported.conversations).toEqual(fromMenu.conversations);

  // The other Parley shows it, both versions of the reply included.
  const other = new ChatPage(page);
  await other.open(`${secondUrl()}/c/${conversationId}`);
  const reply = other.lastAssistant();
  await expect(reply).toContainText("Evening, Paris time.");
  const versions = reply.getByRole("group", { name: "Versions" });
  await expect(versions).toContainText("2 / 2");
  await versions.getByRole("button", { name: "Previous version" }).click();
  await expect(reply).toContainText("It is evening in Paris.");
  await expect(reply.getByTestId("tool-call")).toHaveAttribute(
    "data-tool-name",
    "current_time",
  );

  const again = await importInto(request, secondUrl(), fromMenu);
  expect(await again.json()).toMatchObject({
    conversationsCreated: 0,
    messagesAdded: 0,
    messagesSkipped: 3,
  });
  const home = await importInto(request, "", fromMenu);
  expect(await home.json()).toMatchObject({ messagesAdded: 0 });
  expect((await exportOf(request, "", conversationId)).conversations).toEqual(
    fromMenu.conversations,
  );
});

test("an import adds the messages a conversation is missing, nothing else", async ({
  chat,
  fake,
  request,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Partial copy");
  const conversationId = await buildConversation(chat, fake, prompt);
  const file = await exportOf(request, "", conversationId);
  const [conversation] = file.conversations;
  if (!conversation) throw new Error("nothing exported");
  const partial = {
    ...file,
    conversations: [
      {
        ...conversation,
        activeLeafId: conversation.messages[1]?.id,
        messages: conversation.messages.slice(0, 2),
      },
    ],
  };
  expect((await importInto(request, secondUrl(), partial)).status()).toBe(200);
  const rest = await importInto(request, secondUrl(), file);
  expect(await rest.json()).toEqual({
    conversationsCreated: 0,
    conversationsUpdated: 1,
    messagesAdded: 1,
    messagesSkipped: 2,
  });
  const [copy] = (await exportOf(request, secondUrl(), conversationId))
    .conversations;
  expect(copy?.messages).toEqual(conversation.messages);
});

test("bad files are refused in words and leave nothing behind", async ({
  page,
  request,
}) => {
  const base = secondUrl();
  const before = await messageCount(request, base);
  const valid = await exportOf(request, base);
  const [sample] = valid.conversations;
  if (!sample) throw new Error("the second instance has no conversation");

  const foreign = await importInto(request, base, { name: "x", version: "1" });
  expect(foreign.status()).toBe(400);
  expect((await foreign.json()).error).toMatchObject({
    code: "bad_request:import",
    message: 'This is not a Parley export: "format" should be "parley-export".',
  });

  const newConversation = {
    ...sample,
    id: "imported-elsewhere",
    title: "Dangling",
    activeLeafId: null,
    messages: [
      { ...sample.messages[0], id: "fresh-root" },
      { ...sample.messages[1], id: "fresh-child", parentId: "missing-parent" },
    ],
  };
  const dangling = await importInto(request, base, {
    ...valid,
    conversations: [newConversation],
  });
  expect(dangling.status()).toBe(400);
  expect((await dangling.json()).error.message).toBe(
    'Conversation 1 ("Dangling"), message 2: its parent missing-parent is ' +
      "not among the messages before it in this conversation.",
  );

  // A message id this Parley already has, in another conversation: the
  // whole file is refused, the new conversation before it included.
  const clash = await importInto(request, base, {
    ...valid,
    conversations: [
      { ...newConversation, messages: newConversation.messages.slice(0, 1) },
      {
        ...sample,
        id: "another-conversation",
        title: "Clash",
        activeLeafId: null,
        messages: sample.messages.slice(0, 1),
      },
    ],
  });
  expect(clash.status()).toBe(409);
  expect((await clash.json()).error.code).toBe("conflict:import");

  const huge = await importInto(request, base, "x".repeat(51 * 1024 * 1024));
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error.code).toBe("payload_too_large:api");

  expect(await messageCount(request, base)).toBe(before);
  const ids = (await exportOf(request, base)).conversations.map((c) => c.id);
  expect(ids).not.toContain("imported-elsewhere");

  // From the settings page, the refusal is shown to the person.
  await page.goto(`${base}/settings`);
  await page.getByLabel("Import file").setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"hello": "world"}'),
  });
  const yourData = page.getByRole("region", { name: "Your data" });
  await expect(yourData.getByRole("alert")).toHaveText(
    'This is not a Parley export: "format" should be "parley-export".',
  );
  expect(await messageCount(request, base)).toBe(before);
});

test("importing from the settings page adds the conversation to the sidebar", async ({
  chat,
  fake,
  page,
  request,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Carried over");
  const conversationId = await buildConversation(chat, fake, prompt);
  const file = await exportOf(request, "", conversationId);

  await page.goto(`${secondUrl()}/settings`);
  await page.getByLabel("Import file").setInputFiles({
    name: "parley.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const yourData = page.getByRole("region", { name: "Your data" });
  await expect(yourData.getByRole("status")).toHaveText(
    "Imported 3 messages into 1 conversation; 1 new.",
  );
  await expect(
    page.getByRole("navigation", { name: "Conversations" }).getByRole("link", {
      name: prompt,
    }),
  ).toBeVisible();
});

test("Markdown export reads in order: title, question, the reply shown", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Markdown please");
  await buildConversation(chat, fake, prompt);
  const markdown = await downloadFromMenu(page, prompt, "Export as Markdown");
  expect(markdown.startsWith(`# ${prompt}\n`)).toBe(true);
  const question = markdown.indexOf(prompt, 5);
  const shown = markdown.indexOf("Evening, Paris time.");
  expect(question).toBeGreaterThan(0);
  expect(shown).toBeGreaterThan(question);
  // The version not shown stays out of the readable export.
  expect(markdown).not.toContain("It is evening in Paris.");
});
