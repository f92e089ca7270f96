import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { conversationExists, readMessages } from "../api/helpers";
import type { FakeOpenRouterClient } from "../fake-openrouter/client";
import type { FakeResponse } from "../fake-openrouter/scenarios";
import { APP_URL } from "../support/config";
import { type ChatPage, expect, test } from "../support/fixtures";

// The title request is a side request (not streamed) that quotes the first
// message; the fake answers it only from scenarios that ask for side
// requests, and lists it only when asked for them.
const titleRequest = (prompt: string) => `First message:\n${prompt}`;

const titleRequests = (fake: FakeOpenRouterClient, prompt: string) =>
  fake.requests(titleRequest(prompt), "non-streams");

const titleFailure: FakeResponse = {
  kind: "error",
  status: 502,
  message: "Provider returned error",
};

/** Starts a conversation with `prompt` and waits for the complete reply. */
async function converse(
  chat: ChatPage,
  fake: FakeOpenRouterClient,
  prompt: string,
  title: FakeResponse = titleFailure,
) {
  await fake.script(prompt, { kind: "stream", text: "A short answer." });
  await fake.register({
    match: titleRequest(prompt),
    answers: "non-streams",
    responses: [title],
  });
  await chat.open();
  await chat.send(prompt);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  return chat.conversationId();
}

/** Resolves once OpenRouter has answered the title request. */
async function titleAnswered(fake: FakeOpenRouterClient, prompt: string) {
  await expect
    .poll(async () => (await titleRequests(fake, prompt))[0]?.status)
    .not.toBeNull();
}

function row(chat: ChatPage, title: string) {
  return chat.history
    .getByRole("listitem")
    .filter({ has: chat.page.getByRole("link", { name: title }) });
}

async function chooseAction(chat: ChatPage, title: string, action: string) {
  await row(chat, title)
    .getByRole("button", { name: "Conversation actions" })
    .click();
  await chat.page.getByRole("menuitem", { name: action }).click();
}

function linkNames(page: Page) {
  return page
    .getByRole("navigation", { name: "Conversations" })
    .getByRole("link")
    .allTextContents();
}

test("a generated title replaces the first words after the first exchange", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("How do I keep a sourdough starter alive");
  const title = uniquePrompt("Sourdough Starter Care");
  await converse(chat, fake, prompt, {
    kind: "stream",
    text: `"${title}."`,
  });

  await expect(chat.history.getByRole("link", { name: title })).toBeVisible();
  await expect(chat.history.getByRole("link", { name: prompt })).toHaveCount(0);
  const [request, ...others] = await titleRequests(fake, prompt);
  expect(others).toEqual([]);
  expect(request?.body).toMatchObject({
    model: "deepseek/deepseek-v4-flash",
    max_tokens: 30,
    reasoning: { effort: "none" },
    messages: [{ role: "user" }],
  });
  expect(request?.body).not.toHaveProperty("stream", true);
  expect(request?.lastUserText).toContain("A short answer.");

  await page.reload();
  await expect(chat.history.getByRole("link", { name: title })).toBeVisible();
});

test("a failed title request keeps the first words", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Title request fails for this one");
  await converse(chat, fake, prompt, titleFailure);
  await titleAnswered(fake, prompt);

  await page.reload();
  await expect(chat.history.getByRole("link", { name: prompt })).toBeVisible();
  expect(await titleRequests(fake, prompt)).toHaveLength(1);
});

test("a rename persists and a late generated title does not replace it", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Rename me before the title comes");
  const generated = uniquePrompt("Generated too late");
  const mine = uniquePrompt("My own name");
  await converse(chat, fake, prompt, {
    kind: "stream",
    text: generated,
    firstByteDelayMs: 3_000,
  });

  await chooseAction(chat, prompt, "Rename");
  const field = chat.history.getByRole("textbox", {
    name: "Conversation title",
  });
  await field.fill("Not this one");
  await field.press("Escape");
  await expect(chat.history.getByRole("link", { name: prompt })).toBeVisible();

  await chooseAction(chat, prompt, "Rename");
  await field.fill(`  ${mine}  `);
  await field.press("Enter");
  await expect(chat.history.getByRole("link", { name: mine })).toBeVisible();

  await titleAnswered(fake, prompt);
  await page.reload();
  await expect(chat.history.getByRole("link", { name: mine })).toHaveText(mine);
  await expect(chat.history.getByRole("link", { name: generated })).toHaveCount(
    0,
  );
});

test("a pinned conversation is listed first, also after a reload", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const older = uniquePrompt("Pin the older one");
  const newer = uniquePrompt("Newer and unpinned");
  await converse(chat, fake, older);
  await chat.newChatButton.click();
  await converse(chat, fake, newer);
  let names = await linkNames(page);
  expect(names.indexOf(newer)).toBeLessThan(names.indexOf(older));

  // The sidebar moves it at once; the reload must wait for the save.
  const saved = page.waitForResponse(
    (response) =>
      response.request().method() === "PATCH" &&
      response.url().includes("/api/conversations/"),
  );
  await chooseAction(chat, older, "Pin");
  const pinned = chat.history.getByRole("region", { name: "Pinned" });
  await expect(pinned.getByRole("link")).toHaveText([older]);
  expect((await saved).ok()).toBe(true);
  await page.reload();
  await expect(pinned.getByRole("link")).toHaveText([older]);
  names = await linkNames(page);
  expect(names[0]).toBe(older);

  await chooseAction(chat, older, "Unpin");
  await expect(pinned).toHaveCount(0);
  // Back in its place by recency: pinning did not count as activity.
  await expect
    .poll(async () => {
      const after = await linkNames(page);
      return after.indexOf(newer) < after.indexOf(older);
    })
    .toBe(true);
});

test("delete asks first: Cancel keeps it, Delete removes it for good", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Delete this conversation");
  const id = await converse(chat, fake, prompt);
  const url = page.url();
  const dialog = page.getByRole("dialog", { name: "Delete conversation?" });

  await chooseAction(chat, prompt, "Delete");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(chat.history.getByRole("link", { name: prompt })).toBeVisible();
  expect(conversationExists(id)).toBe(true);

  await chooseAction(chat, prompt, "Delete");
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(chat.history.getByRole("link", { name: prompt })).toHaveCount(0);
  await expect(page).toHaveURL(/\/$/);
  await expect(chat.messages).toHaveCount(0);
  expect(conversationExists(id)).toBe(false);
  expect(readMessages(id)).toEqual([]);

  const response = await page.goto(url);
  expect(response?.status()).toBe(404);
});

test.describe("PATCH and DELETE /api/conversations/:id refuse bad input", () => {
  const call = (id: string, method: string, body?: unknown, headers = {}) =>
    fetch(`${APP_URL}/api/conversations/${id}`, {
      method,
      headers: { "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const refusals: [string, () => Promise<Response>, number, string][] = [
    ["an empty title", () => call(randomUUID(), "PATCH", { title: "  " })],
    [
      "a title of 201 characters",
      () => call(randomUUID(), "PATCH", { title: "x".repeat(201) }),
    ],
    ["pinned as text", () => call(randomUUID(), "PATCH", { pinned: "yes" })],
    ["nothing to change", () => call(randomUUID(), "PATCH", {})],
    ["an id that is not a UUID", () => call("x'--", "PATCH", { title: "A" })],
    ["a delete of an id that is not a UUID", () => call("x'--", "DELETE")],
  ].map(([name, send]) => [
    name as string,
    send as () => Promise<Response>,
    400,
    "bad_request:api",
  ]);
  refusals.push(
    [
      "an unknown conversation",
      () => call(randomUUID(), "PATCH", { pinned: true }),
      404,
      "not_found:conversation",
    ],
    [
      "a delete of an unknown conversation",
      () => call(randomUUID(), "DELETE"),
      404,
      "not_found:conversation",
    ],
    [
      "a delete from another site",
      () =>
        call(randomUUID(), "DELETE", undefined, {
          Origin: "https://evil.example",
        }),
      403,
      "forbidden:api",
    ],
  );

  for (const [name, send, status, code] of refusals) {
    test(`${name}: ${status} ${code}`, async () => {
      const response = await send();
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({
        error: { code, message: expect.any(String), status },
      });
    });
  }
});
