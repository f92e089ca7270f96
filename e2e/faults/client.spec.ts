// The browser misbehaving: a reload in the middle of a reply, and one
// conversation open in two tabs. The server holds the history, so what a
// reload shows is what the database holds, and nothing is saved twice.

import { readMessages, storedText } from "../api/helpers";
import { ChatPage, expect, test } from "../support/fixtures";

/** Reloads until the last reply is complete, as a person would. */
async function reloadUntilComplete(chat: ChatPage, text: string) {
  await expect(async () => {
    await chat.page.reload();
    const reply = chat.lastAssistant();
    await expect(reply).toHaveAttribute("data-status", "complete", {
      timeout: 1_000,
    });
    await expect(reply).toContainText(text, { timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [500, 1_000] });
}

test("a reload in the middle of a reply follows it live to the end", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Count slowly to twenty");
  const words = Array.from({ length: 20 }, (_, index) => `w${index + 1}`);
  await fake.script(prompt, {
    kind: "stream",
    text: words.join(" "),
    tokenDelayMs: 200,
  });
  await chat.open();
  await chat.send(prompt);
  await expect(chat.lastAssistant()).toContainText("w2");
  await expect(chat.lastAssistant()).not.toContainText("w20");
  const conversationId = chat.conversationId();

  await page.reload();

  await expect(page).toHaveURL(new RegExp(`/c/${conversationId}$`));
  await expect(chat.userMessages()).toHaveText([prompt]);
  await expect(chat.assistantMessages()).toHaveCount(1);
  // The reloaded tab joins the reply from its first word and follows it:
  // seen mid-way, then finished, with no further reload.
  const reply = chat.lastAssistant();
  await expect(reply).toHaveAttribute("data-status", "streaming");
  await expect(reply).toContainText("w1 w2");
  await expect(reply).toHaveAttribute("data-status", "complete", {
    timeout: 15_000,
  });
  await expect(reply).toContainText(words.join(" "));
  await expect(chat.stopButton).toBeHidden();
  await expect(chat.userMessages()).toHaveText([prompt]);
  await expect(chat.assistantMessages()).toHaveCount(1);

  const rows = readMessages(conversationId);
  expect(rows.map((row) => [row.role, row.status])).toEqual([
    ["user", "complete"],
    ["assistant", "complete"],
  ]);
  expect(storedText(rows[1])).toBe(words.join(" "));
  expect(rows[1]?.parentId).toBe(rows[0]?.id);

  // A later reload shows the saved reply and joins nothing.
  await reloadUntilComplete(chat, "w20");
});

test("one conversation in two tabs: each shows the other's exchange", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompts = ["First", "Second", "Third"].map((label) =>
    uniquePrompt(`${label} from a tab`),
  );
  for (const [index, prompt] of prompts.entries()) {
    await fake.script(prompt, { kind: "stream", text: `Answer ${index + 1}.` });
  }
  await chat.open();
  await chat.send(prompts[0] ?? "");
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  const conversationId = chat.conversationId();

  const second = new ChatPage(await page.context().newPage());
  await second.open(`/c/${conversationId}`);
  await expect(second.userMessages()).toHaveText([prompts[0] ?? ""]);

  // Tab one sends; tab two sees it after a reload.
  await chat.send(prompts[1] ?? "");
  await expect(chat.lastAssistant()).toContainText("Answer 2.");
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  await second.page.reload();
  await expect(second.userMessages()).toHaveText(prompts.slice(0, 2));
  await expect(second.assistantMessages()).toHaveText([
    /Answer 1\./,
    /Answer 2\./,
  ]);

  // Tab two sends; tab one, now behind, catches up on reload.
  await second.send(prompts[2] ?? "");
  await expect(second.lastAssistant()).toContainText("Answer 3.");
  await expect(second.lastAssistant()).toHaveAttribute(
    "data-status",
    "complete",
  );
  await page.reload();
  await expect(chat.userMessages()).toHaveText(prompts);
  await expect(chat.assistantMessages()).toHaveText([
    /Answer 1\./,
    /Answer 2\./,
    /Answer 3\./,
  ]);

  const rows = readMessages(conversationId);
  expect(rows).toHaveLength(6);
  expect(new Set(rows.map((row) => row.id)).size).toBe(6);
  expect(rows.map((row) => row.role)).toEqual([
    "user",
    "assistant",
    "user",
    "assistant",
    "user",
    "assistant",
  ]);
  expect(rows.map((row) => row.status)).toEqual(Array(6).fill("complete"));
  // One chain: each message answers or follows the one before it.
  expect(rows.map((row) => row.parentId)).toEqual([
    null,
    ...rows.slice(0, -1).map((row) => row.id),
  ]);
  await second.page.close();
});

test("a tab left behind sends on top of what the other tab added", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const first = uniquePrompt("Opening words");
  const fromFresh = uniquePrompt("From the fresh tab");
  const fromStale = uniquePrompt("From the stale tab");
  await fake.script(first, { kind: "stream", text: "Opened." });
  await fake.script(fromFresh, { kind: "stream", text: "Fresh answered." });
  await fake.script(fromStale, { kind: "stream", text: "Stale answered." });
  await chat.open();
  await chat.send(first);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  const conversationId = chat.conversationId();
  const stale = new ChatPage(await page.context().newPage());
  await stale.open(`/c/${conversationId}`);
  await expect(stale.assistantMessages()).toHaveText([/Opened\./]);

  await chat.send(fromFresh);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  // The stale tab never saw that exchange and sends anyway.
  await stale.send(fromStale);
  await expect(stale.lastAssistant()).toContainText("Stale answered.");
  await expect(stale.lastAssistant()).toHaveAttribute(
    "data-status",
    "complete",
  );

  for (const tab of [chat, stale]) {
    await tab.page.reload();
    await expect(tab.userMessages()).toHaveText([first, fromFresh, fromStale]);
  }
  const rows = readMessages(conversationId);
  expect(rows.map((row) => storedText(row))).toEqual([
    first,
    "Opened.",
    fromFresh,
    "Fresh answered.",
    fromStale,
    "Stale answered.",
  ]);
  expect(rows.map((row) => row.parentId)).toEqual([
    null,
    ...rows.slice(0, -1).map((row) => row.id),
  ]);
  await stale.page.close();
});
