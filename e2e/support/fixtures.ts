import { randomUUID } from "node:crypto";
import {
  test as base,
  expect,
  type Locator,
  type Page,
} from "@playwright/test";
import { FakeOpenRouterClient } from "../fake-openrouter/client";
import { FAKE_OPENROUTER_URL } from "./config";

/** The chat page as a person sees it, through roles and test ids only. */
export class ChatPage {
  readonly composer: Locator;
  readonly sendButton: Locator;
  readonly stopButton: Locator;
  readonly newChatButton: Locator;
  readonly messages: Locator;
  readonly history: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.composer = page.getByRole("textbox", { name: "Message" });
    this.sendButton = page.getByRole("button", { name: "Send" });
    this.stopButton = page.getByRole("button", { name: "Stop" });
    this.newChatButton = page.getByRole("button", { name: "New chat" });
    this.messages = page.getByTestId("message");
    this.history = page.getByRole("navigation", { name: "Conversations" });
    // Next's route announcer is an empty alert outside <main>.
    this.alert = page.getByRole("main").getByRole("alert");
  }

  async open(path = "/") {
    await this.page.goto(path);
    await expect(this.composer).toBeVisible();
  }

  /** Types a message and presses Enter, as people do. */
  async send(text: string) {
    await this.composer.fill(text);
    await this.composer.press("Enter");
  }

  userMessages() {
    return this.page.locator('[data-testid="message"][data-role="user"]');
  }

  assistantMessages() {
    return this.page.locator('[data-testid="message"][data-role="assistant"]');
  }

  lastAssistant() {
    return this.assistantMessages().last();
  }

  /** The conversation id from a `/c/<id>` URL. */
  conversationId(): string {
    const match = /\/c\/([0-9a-f-]{36})/.exec(this.page.url());
    if (!match?.[1])
      throw new Error(`not on a conversation: ${this.page.url()}`);
    return match[1];
  }
}

type Fixtures = {
  fake: FakeOpenRouterClient;
  chat: ChatPage;
  /** A prompt no other test uses, so scripted answers never cross. */
  uniquePrompt: (label: string) => string;
};

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  fake: async ({}, use) => {
    await use(new FakeOpenRouterClient(FAKE_OPENROUTER_URL));
  },
  chat: async ({ page }, use) => {
    await use(new ChatPage(page));
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  uniquePrompt: async ({}, use) => {
    await use((label) => `${label} ${randomUUID().slice(0, 8)}`);
  },
});

export { expect };
