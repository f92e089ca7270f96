import { type AppServer, startApp } from "../support/app-server";
import { APP_PORT } from "../support/config";
import { expect, test } from "../support/fixtures";

test("conversations survive a reload and can be switched between", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const first = uniquePrompt("First topic");
  const second = uniquePrompt("Second topic");
  await fake.script(first, {
    kind: "stream",
    reasoning: "Thinking about the first topic.",
    text: "Answer one.",
  });
  await fake.script(second, { kind: "stream", text: "Answer two." });

  await chat.open();
  await chat.send(first);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  const firstUrl = page.url();
  await expect(chat.history.getByRole("link", { name: first })).toBeVisible();

  await chat.newChatButton.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(chat.messages).toHaveCount(0);
  await chat.send(second);
  await expect(chat.lastAssistant()).toContainText("Answer two.");
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");

  await page.reload();
  await expect(chat.userMessages()).toHaveText([second]);
  await chat.history.getByRole("link", { name: first }).click();
  await expect(page).toHaveURL(firstUrl);
  await expect(chat.userMessages()).toHaveText([first]);
  const reply = chat.lastAssistant();
  await expect(reply).toContainText("Answer one.");
  await expect(reply).toHaveAttribute("data-status", "complete");
  await reply.getByRole("button", { name: /^Reasoning/ }).click();
  await expect(reply.getByTestId("reasoning")).toContainText(
    "Thinking about the first topic.",
  );
});

test.describe("across a server restart", () => {
  let server: AppServer | undefined;
  const port = APP_PORT + 20;
  const databaseUrl = `file:./data/test/restart-${port}.db`;

  test.afterAll(async () => {
    await server?.stop();
  });

  test("the conversation, its reasoning and its tool call are all still there", async ({
    browser,
    fake,
    uniquePrompt,
  }) => {
    server = await startApp({ port, databaseUrl, fresh: true });
    const prompt = uniquePrompt("Time in Tokyo, please");
    await fake.script(
      prompt,
      {
        kind: "stream",
        reasoning: "The user wants Tokyo time.",
        toolCalls: [
          { name: "current_time", arguments: { timeZone: "Asia/Tokyo" } },
        ],
      },
      { kind: "stream", text: "Here is the time in Tokyo." },
    );
    const page = await browser.newPage({ baseURL: server.url });
    await page.goto("/");
    await page.getByRole("textbox", { name: "Message" }).fill(prompt);
    await page.getByRole("textbox", { name: "Message" }).press("Enter");
    const reply = page.locator(
      '[data-testid="message"][data-role="assistant"]',
    );
    await expect(reply).toHaveAttribute("data-status", "complete");
    const url = page.url();

    await server.stop();
    server = await startApp({ port, databaseUrl });
    await page.goto(url);

    await expect(page.getByRole("link", { name: prompt })).toBeVisible();
    await expect(reply).toHaveAttribute("data-status", "complete");
    await expect(reply).toContainText("Here is the time in Tokyo.");
    const call = reply.getByTestId("tool-call");
    await expect(call).toHaveAttribute("data-tool-name", "current_time");
    await expect(call).toHaveAttribute("data-state", "output-available");
    await call.getByRole("button").click();
    await expect(call).toContainText("Asia/Tokyo");
    await reply.getByRole("button", { name: /^Reasoning/ }).click();
    await expect(reply.getByTestId("reasoning")).toContainText(
      "The user wants Tokyo time.",
    );
    await page.close();
  });
});
