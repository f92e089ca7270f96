import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import type { FakeOpenRouterClient } from "../fake-openrouter/client";
import { type ChatPage, expect } from "../support/fixtures";

/** A word no other test (or run) uses: one token to the search index. */
export function uniqueWord(prefix: string): string {
  return `${prefix}${randomUUID().replaceAll("-", "").slice(0, 10)}`;
}

/** Many plain words, so that whatever follows sits deep in the message. */
export function filler(words: number): string {
  const vocabulary = ["river", "stone", "meadow", "lantern", "harbor", "quiet"];
  return Array.from(
    { length: words },
    (_, index) => vocabulary[index % vocabulary.length],
  ).join(" ");
}

/**
 * Sends `prompt` (in a new conversation unless one is open) and waits for
 * the complete reply `reply`. The title request fails, so the title stays
 * the prompt's first words.
 */
export async function converse(
  chat: ChatPage,
  fake: FakeOpenRouterClient,
  prompt: string,
  reply: string,
  { fresh = true }: { fresh?: boolean } = {},
): Promise<string> {
  await fake.script(prompt, { kind: "stream", text: reply });
  await fake.register({
    match: `First message:\n${prompt}`,
    answers: "non-streams",
    responses: [{ kind: "error", status: 502, message: "Provider error" }],
  });
  if (fresh) await chat.open();
  const before = await chat.assistantMessages().count();
  await chat.send(prompt);
  await expect(chat.assistantMessages()).toHaveCount(before + 1);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  return chat.conversationId();
}

export function searchBox(page: Page) {
  return page.getByRole("searchbox", { name: "Search conversations" });
}

export function searchResults(page: Page) {
  return page.getByRole("region", { name: "Search results" });
}

/** Types into the search box and waits for the answer to exactly that. */
export async function searchFor(page: Page, text: string) {
  const answered = page.waitForResponse(
    (response) =>
      response.url().includes("/api/search?") &&
      new URL(response.url()).searchParams.get("q") === text.trim(),
  );
  await searchBox(page).fill(text);
  const response = await answered;
  expect(response.status()).toBe(200);
  await expect(searchResults(page)).toHaveAttribute("aria-busy", "false");
}
