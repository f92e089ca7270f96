import type { Browser, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import type { FakeOpenRouterClient } from "../fake-openrouter/client";
import { APP_URL } from "../support/config";
import type { ChatPage } from "../support/fixtures";

/** A finished conversation with one exchange; returns its id. */
export async function startConversation(
  chat: ChatPage,
  fake: FakeOpenRouterClient,
  prompt: string,
  answer: string,
): Promise<string> {
  await fake.script(prompt, { kind: "stream", text: answer });
  await chat.open();
  await chat.send(prompt);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  await expect(chat.page).toHaveURL(/\/c\//);
  return chat.conversationId();
}

/** Creates a link through the API, as the owner. */
export async function createLink(
  page: Page,
  conversationId: string,
  body: Record<string, unknown> = { mode: "snapshot" },
): Promise<{ token: string; url: string }> {
  const response = await page.request.post(
    `/api/conversations/${conversationId}/shares`,
    { data: body },
  );
  expect(response.status()).toBe(201);
  return (await response.json()).link;
}

/** A browser context with nothing of the owner's: a stranger. */
export async function stranger(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: APP_URL });
  return context.newPage();
}
