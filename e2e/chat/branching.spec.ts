import { randomUUID } from "node:crypto";
import type { Locator } from "@playwright/test";
import {
  newTurn,
  postChat,
  readMessages,
  regenerate,
  sendMessage,
  settledMessages,
  storedText,
  type UpstreamBody,
} from "../api/helpers";
import type { FakeOpenRouterClient } from "../fake-openrouter/client";
import { APP_URL } from "../support/config";
import { expect, test } from "../support/fixtures";

/** The chat turns whose last user message is `prompt`, oldest first. */
async function chatRequests(fake: FakeOpenRouterClient, prompt: string) {
  const requests = await fake.requests(prompt);
  return requests.filter((request) => request.lastUserText === prompt);
}

const versionsOf = (message: Locator) =>
  message.getByRole("group", { name: "Versions" });

/** Role and content of what OpenRouter was sent for the n-th request. */
async function history(
  requests: { body: unknown }[],
  index: number,
): Promise<{ role: string; content: unknown }[]> {
  const body = requests[index]?.body as UpstreamBody | undefined;
  return (body?.messages ?? []).map(({ role, content }) => ({ role, content }));
}

test("regenerate adds a version; switching back shows the first, also after a reload", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Name a colour");
  await fake.script(
    prompt,
    { kind: "stream", text: "Teal." },
    { kind: "stream", text: "Crimson." },
  );
  await chat.open();
  await chat.send(prompt);
  const reply = chat.lastAssistant();
  await expect(reply).toHaveAttribute("data-status", "complete");
  await expect(reply).toContainText("Teal.");
  await expect(versionsOf(reply)).toHaveCount(0);

  await reply.getByRole("button", { name: "Regenerate" }).click();
  await expect(reply).toContainText("Crimson.");
  await expect(reply).toHaveAttribute("data-status", "complete");
  await expect(versionsOf(reply)).toContainText("2 / 2");
  await expect(chat.messages).toHaveCount(2);

  await versionsOf(reply)
    .getByRole("button", { name: "Previous version" })
    .click();
  await expect(reply).toContainText("Teal.");
  await expect(reply).not.toContainText("Crimson.");
  await expect(versionsOf(reply)).toContainText("1 / 2");
  await expect(
    versionsOf(reply).getByRole("button", { name: "Previous version" }),
  ).toBeDisabled();

  await page.reload();
  await expect(reply).toContainText("Teal.");
  await expect(reply).not.toContainText("Crimson.");
  await expect(versionsOf(reply)).toContainText("1 / 2");
  await versionsOf(reply).getByRole("button", { name: "Next version" }).click();
  await expect(reply).toContainText("Crimson.");
  await expect(versionsOf(reply)).toContainText("2 / 2");
  expect(await chatRequests(fake, prompt)).toHaveLength(2);
});

test("a new message continues the shown branch; regenerating an earlier reply drops what followed", async ({
  chat,
  fake,
  uniquePrompt,
}) => {
  const first = uniquePrompt("Pick a fruit");
  const second = uniquePrompt("Why that one?");
  await fake.script(
    first,
    { kind: "stream", text: "Apple." },
    { kind: "stream", text: "Mango." },
    { kind: "stream", text: "Pear." },
  );
  await fake.script(second, { kind: "stream", text: "It is crisp." });
  await chat.open();
  await chat.send(first);
  const reply = chat.lastAssistant();
  await expect(reply).toHaveAttribute("data-status", "complete");
  await reply.getByRole("button", { name: "Regenerate" }).click();
  await expect(versionsOf(reply)).toContainText("2 / 2");
  await versionsOf(reply)
    .getByRole("button", { name: "Previous version" })
    .click();
  await expect(reply).toContainText("Apple.");

  await chat.send(second);
  await expect(chat.lastAssistant()).toContainText("It is crisp.");
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  expect(await history(await chatRequests(fake, second), 0)).toEqual([
    { role: "user", content: first },
    { role: "assistant", content: "Apple." },
    { role: "user", content: second },
  ]);

  // Not the last reply: the new version replaces it and what followed.
  const earlier = chat.assistantMessages().first();
  await earlier.getByRole("button", { name: "Regenerate" }).click();
  await expect(chat.lastAssistant()).toContainText("Pear.");
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  await expect(chat.messages).toHaveCount(2);
  await expect(versionsOf(chat.lastAssistant())).toContainText("3 / 3");
  expect(await history(await chatRequests(fake, first), 2)).toEqual([
    { role: "user", content: first },
  ]);

  // The first version kept its follow-up.
  await versionsOf(chat.lastAssistant())
    .getByRole("button", { name: "Previous version" })
    .click();
  await versionsOf(chat.lastAssistant())
    .getByRole("button", { name: "Previous version" })
    .click();
  await expect(chat.messages).toHaveCount(4);
  await expect(chat.lastAssistant()).toContainText("It is crisp.");
});

test("edit makes a sibling question with its own reply; the old branch stays", async ({
  chat,
  fake,
  uniquePrompt,
}) => {
  const first = uniquePrompt("Plan a trip");
  const original = uniquePrompt("Somewhere warm");
  const edited = uniquePrompt("Somewhere cold");
  await fake.script(first, { kind: "stream", text: "Where to?" });
  await fake.script(original, { kind: "stream", text: "Try Lisbon." });
  await fake.script(edited, { kind: "stream", text: "Try Oslo." });
  await chat.open();
  await chat.send(first);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  await chat.send(original);
  await expect(chat.lastAssistant()).toContainText("Try Lisbon.");
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  const question = chat.userMessages().last();

  await question.getByRole("button", { name: "Edit message" }).click();
  const editor = question.getByRole("textbox", { name: "Edit message" });
  await expect(editor).toHaveValue(original);
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(editor).toHaveCount(0);

  await question.getByRole("button", { name: "Edit message" }).click();
  await editor.fill(edited);
  await question.getByRole("button", { name: "Save" }).click();
  await expect(chat.lastAssistant()).toContainText("Try Oslo.");
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  await expect(question).toContainText(edited);
  await expect(versionsOf(question)).toContainText("2 / 2");
  await expect(chat.messages).toHaveCount(4);
  expect(await history(await chatRequests(fake, edited), 0)).toEqual([
    { role: "user", content: first },
    { role: "assistant", content: "Where to?" },
    { role: "user", content: edited },
  ]);
  const rows = readMessages(chat.conversationId());
  const byText = (text: string) => rows.find((row) => storedText(row) === text);
  expect(byText(edited)?.parentId).toBe(byText(original)?.parentId);

  await versionsOf(question)
    .getByRole("button", { name: "Previous version" })
    .click();
  await expect(question).toContainText(original);
  await expect(versionsOf(question)).toContainText("1 / 2");
  await expect(chat.lastAssistant()).toContainText("Try Lisbon.");
  await expect(chat.messages).toHaveCount(4);
});

test("copy puts a message's text on the clipboard, without the reasoning", async ({
  chat,
  context,
  fake,
  page,
  uniquePrompt,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const prompt = uniquePrompt("Tell me a fact");
  await fake.script(prompt, {
    kind: "stream",
    reasoning: "Which fact is short?",
    text: "Honey never spoils.",
  });
  await chat.open();
  await chat.send(prompt);
  const reply = chat.lastAssistant();
  await expect(reply).toHaveAttribute("data-status", "complete");
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  await reply.getByRole("button", { name: "Copy message" }).click();
  await expect.poll(clipboard).toBe("Honey never spoils.");
  await chat
    .userMessages()
    .last()
    .getByRole("button", { name: "Copy message" })
    .click();
  await expect.poll(clipboard).toBe(prompt);
});

test("continue after Stop carries on from the partial reply", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Count slowly");
  const words = Array.from({ length: 300 }, (_, index) => `w${index}`);
  await fake.script(
    prompt,
    { kind: "stream", text: words.join(" "), tokenDelayMs: 50 },
    { kind: "stream", text: " and that is all." },
  );
  await chat.open();
  await chat.send(prompt);
  const reply = chat.lastAssistant();
  await expect(reply).toContainText("w10");
  await chat.stopButton.click();
  await expect(reply).toHaveAttribute("data-status", "stopped");
  const conversationId = chat.conversationId();
  const [, stopped] = await settledMessages(conversationId);
  const partial = storedText(stopped);
  expect(partial).toMatch(/^w0 w1 w2 .* w10\b/);

  await reply.getByRole("button", { name: "Continue" }).click();
  await expect(reply).toHaveAttribute("data-status", "complete");
  const lastWord = partial.split(" ").at(-1);
  await expect(reply).toContainText(`${lastWord} and that is all.`);
  await expect(reply).toContainText("w0 w1 w2");
  await expect(versionsOf(reply)).toContainText("2 / 2");

  const rows = await settledMessages(conversationId);
  const continued = rows.at(-1);
  expect(continued?.parentId).toBe(stopped?.parentId);
  expect(storedText(continued)).toBe(`${partial} and that is all.`);
  const requests = await chatRequests(fake, prompt);
  expect(requests).toHaveLength(2);
  expect(await history(requests, 1)).toEqual([
    { role: "user", content: prompt },
    { role: "assistant", content: partial },
  ]);

  await page.reload();
  await expect(reply).toContainText(`${lastWord} and that is all.`);
  await expect(versionsOf(reply)).toContainText("2 / 2");
});

test.describe("refusals", () => {
  async function expectError(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      error: { code, message: expect.any(String), status },
    });
  }

  const switchVersion = (conversationId: string, body: object) =>
    fetch(`${APP_URL}/api/conversations/${conversationId}/branch`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });

  test("unknown, foreign or unrelated messages: 4xx with a code, nothing changed", async ({
    fake,
    uniquePrompt,
  }) => {
    const prompt = uniquePrompt("Say one thing");
    await fake.script(
      prompt,
      { kind: "stream", text: "One." },
      { kind: "stream", text: "Two." },
    );
    const turn = newTurn();
    await (await sendMessage(turn, prompt)).text();
    await settledMessages(turn.conversationId);
    await (await regenerate(turn.conversationId, turn.messageId)).text();
    const before = await settledMessages(turn.conversationId);
    const [user, one, two] = before.map((row) => row.id);
    const other = newTurn();
    const otherPrompt = uniquePrompt("Elsewhere");
    await (await sendMessage(other, otherPrompt)).text();
    const [, foreign] = await settledMessages(other.conversationId);
    const id = turn.conversationId;

    const refusals: [() => Promise<Response>, number, string][] = [
      [
        () => switchVersion(id, { messageId: two, siblingId: "nope" }),
        404,
        "not_found:message",
      ],
      [
        () => switchVersion(id, { messageId: two, siblingId: foreign?.id }),
        404,
        "not_found:message",
      ],
      [
        () => switchVersion(id, { messageId: two, siblingId: user }),
        400,
        "bad_request:message",
      ],
      [() => switchVersion(id, { messageId: two }), 400, "bad_request:api"],
      [
        () => switchVersion(randomUUID(), { messageId: two, siblingId: one }),
        404,
        "not_found:conversation",
      ],
      [
        () => switchVersion("not-a-uuid", { messageId: two, siblingId: one }),
        400,
        "bad_request:api",
      ],
      [
        () => fetch(`${APP_URL}/api/conversations/${randomUUID()}/branch`),
        404,
        "not_found:conversation",
      ],
      [
        () => postChat({ trigger: "continue-message", id, messageId: two }),
        400,
        "bad_request:message",
      ],
      [
        () => postChat({ trigger: "continue-message", id, messageId: user }),
        404,
        "not_found:message",
      ],
      [
        () =>
          postChat({ trigger: "continue-message", id, messageId: foreign?.id }),
        404,
        "not_found:message",
      ],
      [
        () =>
          postChat({
            trigger: "submit-message",
            id,
            message: {
              id: randomUUID(),
              role: "user",
              parts: [{ type: "text", text: prompt }],
            },
            editOf: one,
          }),
        404,
        "not_found:message",
      ],
    ];
    for (const [request, status, code] of refusals) {
      await expectError(await request(), status, code);
    }
    expect(readMessages(id)).toEqual(before);
    expect(await chatRequests(fake, prompt)).toHaveLength(2);

    const switched = await switchVersion(id, {
      messageId: two,
      siblingId: one,
    });
    expect(switched.status).toBe(200);
    const thread = (await switched.json()) as {
      messages: { id: string }[];
      versions: Record<string, string[]>;
    };
    expect(thread.messages.map((message) => message.id)).toEqual([user, one]);
    expect(thread.versions).toEqual({ [one as string]: [one, two] });
  });
});
