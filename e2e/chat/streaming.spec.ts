import { APP_URL, TEST_API_KEY } from "../support/config";
import { expect, test } from "../support/fixtures";

test("a reply streams in token by token and the key stays on the server", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Tell me about rivers");
  const words = Array.from({ length: 40 }, (_, index) => `word${index}`);
  await fake.script(prompt, {
    kind: "stream",
    text: words.join(" "),
    tokenDelayMs: 40,
  });
  const browserSawKey: string[] = [];
  page.on("response", async (response) => {
    const body = await response.text().catch(() => "");
    if (body.includes(TEST_API_KEY)) browserSawKey.push(response.url());
  });

  await chat.open();
  await chat.send(prompt);

  await expect(chat.userMessages().last()).toHaveText(prompt);
  const reply = chat.lastAssistant();
  // Part of the reply is on screen while the rest is still coming.
  await expect(reply).toHaveAttribute("data-status", "streaming");
  await expect(reply).toContainText("word5");
  await expect(reply).not.toContainText("word39");
  await expect(chat.stopButton).toBeVisible();

  await expect(reply).toHaveAttribute("data-status", "complete");
  await expect(reply).toContainText("word39");
  await expect(chat.sendButton).toBeVisible();
  expect(page.url()).toMatch(/\/c\/[0-9a-f-]{36}$/);

  const [upstream] = await fake.requests(prompt);
  expect(upstream?.body).toMatchObject({
    model: "deepseek/deepseek-v4-flash",
    stream: true,
    messages: [{ role: "user", content: prompt }],
  });
  expect(upstream?.headers["http-referer"]).toBe(APP_URL);
  expect(upstream?.headers["x-title"]).toBe("Parley");
  expect(browserSawKey).toEqual([]);
  expect(await page.content()).not.toContain(TEST_API_KEY);
});

test("Shift+Enter breaks the line instead of sending", async ({
  chat,
  uniquePrompt,
}) => {
  await chat.open();
  const first = uniquePrompt("line one");
  await chat.composer.fill(first);
  await chat.composer.press("Shift+Enter");
  await chat.composer.pressSequentially("line two");
  await expect(chat.composer).toHaveValue(`${first}\nline two`);
  await expect(chat.messages).toHaveCount(0);
  await chat.composer.press("Enter");
  await expect(chat.userMessages()).toHaveText([`${first}\nline two`]);
});
