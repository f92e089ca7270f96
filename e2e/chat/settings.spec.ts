import type { Page } from "@playwright/test";
import { type AppServer, startApp } from "../support/app-server";
import { APP_PORT } from "../support/config";
import { expect, test } from "../support/fixtures";

type UpstreamBody = Record<string, unknown> & {
  model: string;
  messages: { role: string; content: unknown }[];
};

async function openSettings(page: Page) {
  await page.getByRole("button", { name: "Settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Settings" });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function lastUpstreamBody(
  fake: { requests: (match: string) => Promise<{ body: unknown }[]> },
  prompt: string,
): Promise<UpstreamBody> {
  const requests = await fake.requests(prompt);
  return requests.at(-1)?.body as UpstreamBody;
}

test("the model picker searches models and shows context and prices", async ({
  chat,
  page,
}) => {
  await chat.open();
  const dialog = await openSettings(page);
  const model = dialog.getByLabel("Model", { exact: true });
  await expect(dialog.getByTestId("selected-model")).toContainText(
    "(deepseek/deepseek-v4-flash) · 1M context · $0.10 in / $0.20 out per M tokens",
  );
  await model.fill("gpt 4o");
  const options = dialog
    .getByRole("listbox", { name: "Models" })
    .getByRole("option");
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText("OpenAI: GPT-4o");
  await expect(options.first()).toContainText(
    "128K context · $2.50 in / $10 out per M tokens",
  );
  await model.fill("v4 flash");
  await expect(options.first()).toContainText("DeepSeek V4 Flash");
});

test("every parameter set in Settings arrives upstream exactly as set", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Parameters please");
  await chat.open();
  const dialog = await openSettings(page);
  await dialog.getByLabel("System prompt").fill("Answer in one word.");
  await dialog.getByLabel("Reasoning effort").selectOption("xhigh");
  const numbers: [string, string][] = [
    ["Temperature", "0.3"],
    ["Top P", "0.9"],
    ["Top K", "40"],
    ["Min P", "0.05"],
    ["Frequency penalty", "0.5"],
    ["Presence penalty", "-0.5"],
    ["Repetition penalty", "1.1"],
    ["Max tokens", "256"],
    ["Seed", "42"],
  ];
  for (const [label, value] of numbers) {
    await dialog.getByLabel(label, { exact: true }).fill(value);
  }
  await dialog.getByLabel("Stop sequences").fill("END\nSTOP");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  await chat.send(prompt);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  const body = await lastUpstreamBody(fake, prompt);
  expect(body).toMatchObject({
    temperature: 0.3,
    top_p: 0.9,
    top_k: 40,
    min_p: 0.05,
    frequency_penalty: 0.5,
    presence_penalty: -0.5,
    repetition_penalty: 1.1,
    max_tokens: 256,
    seed: 42,
    stop: ["END", "STOP"],
    reasoning: { effort: "xhigh" },
  });
  expect(body.messages[0]).toMatchObject({ role: "system" });
  expect(JSON.stringify(body.messages[0]?.content)).toContain(
    "Answer in one word.",
  );

  // The settings belong to the conversation: they survive a reload and
  // apply to its next turn.
  await page.reload();
  const reopened = await openSettings(page);
  await expect(reopened.getByLabel("Temperature")).toHaveValue("0.3");
  await reopened.getByRole("button", { name: "Cancel" }).click();
  const next = uniquePrompt("Second turn");
  await chat.send(next);
  await expect(chat.assistantMessages()).toHaveCount(2);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  expect(await lastUpstreamBody(fake, next)).toMatchObject({ seed: 42 });
});

test("parameters left empty are not sent at all", async ({
  chat,
  fake,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Plain defaults");
  await chat.open();
  await chat.send(prompt);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  const body = await lastUpstreamBody(fake, prompt);
  for (const key of [
    "temperature",
    "top_p",
    "top_k",
    "min_p",
    "seed",
    "stop",
    "max_tokens",
    "reasoning",
    "provider",
    "models",
  ]) {
    expect(body, key).not.toHaveProperty(key);
  }
  expect(body.messages.map((message) => message.role)).toEqual(["user"]);
});

test("out-of-range values are refused inline and cannot be saved", async ({
  chat,
  page,
}) => {
  await chat.open();
  const dialog = await openSettings(page);
  const temperature = dialog.getByLabel("Temperature");
  await temperature.fill("3");
  await expect(temperature).toHaveAttribute("aria-invalid", "true");
  await expect(temperature).toHaveAccessibleDescription(/Must be 0 to 2\./);
  await expect(dialog.getByRole("button", { name: "Save" })).toBeDisabled();
  await dialog.getByLabel("Top K").fill("1.5");
  await expect(dialog.getByLabel("Top K")).toHaveAccessibleDescription(
    /Enter a whole number/,
  );
  await temperature.fill("2");
  await dialog.getByLabel("Top K").fill("");
  await expect(dialog.getByRole("button", { name: "Save" })).toBeEnabled();
});

test("the chosen model is remembered per conversation; unsupported fields are marked", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Which model answers?");
  await chat.open();
  const dialog = await openSettings(page);
  await dialog.getByLabel("Model", { exact: true }).fill("gpt-3.5");
  await dialog
    .getByRole("listbox", { name: "Models" })
    .getByRole("option", { name: /GPT-3\.5 Turbo/ })
    .click();
  await expect(
    dialog.locator("[data-unsupported]").filter({ hasText: "Top K" }),
  ).toContainText("Not supported by this model");
  await expect(
    dialog.locator("[data-unsupported]").filter({ hasText: "Temperature" }),
  ).toHaveCount(0);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("conversation-model")).toHaveText(
    "openai/gpt-3.5-turbo",
  );

  await chat.send(prompt);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  expect((await lastUpstreamBody(fake, prompt)).model).toBe(
    "openai/gpt-3.5-turbo",
  );
  await page.reload();
  await expect(page.getByTestId("conversation-model")).toHaveText(
    "openai/gpt-3.5-turbo",
  );
  await chat.newChatButton.click();
  await expect(page.getByTestId("conversation-model")).toHaveText(
    "deepseek/deepseek-v4-flash",
  );
});

test.describe("app-wide defaults", () => {
  // Defaults change every new conversation, so they get their own server
  // rather than disturbing tests running beside them.
  let server: AppServer | undefined;

  test.afterAll(async () => {
    await server?.stop();
  });

  test("defaults saved on the settings page apply to new conversations", async ({
    browser,
    fake,
    uniquePrompt,
  }) => {
    const port = APP_PORT + 23;
    server = await startApp({
      port,
      databaseUrl: `file:./data/test/defaults-${port}.db`,
      fresh: true,
    });
    const page = await browser.newPage({ baseURL: server.url });
    await page.goto("/");
    await page.getByRole("link", { name: "Default settings" }).click();
    await expect(
      page.getByRole("heading", { name: "Default settings" }),
    ).toBeVisible();
    await page.getByLabel("Model", { exact: true }).fill("gpt-4o");
    await page
      .getByRole("listbox", { name: "Models" })
      .getByRole("option", { name: /OpenAI: GPT-4o/ })
      .click();
    await page.getByLabel("Temperature").fill("0.7");
    await page.getByRole("button", { name: "Save defaults" }).click();
    await expect(page.getByRole("status")).toContainText("Saved.");

    await page.getByRole("button", { name: "New chat" }).click();
    await expect(page.getByTestId("conversation-model")).toHaveText(
      "openai/gpt-4o",
    );
    const prompt = uniquePrompt("Defaults at work");
    await page.getByRole("textbox", { name: "Message" }).fill(prompt);
    await page.getByRole("textbox", { name: "Message" }).press("Enter");
    await expect(
      page.locator('[data-testid="message"][data-role="assistant"]'),
    ).toHaveAttribute("data-status", "complete");
    expect(await lastUpstreamBody(fake, prompt)).toMatchObject({
      model: "openai/gpt-4o",
      temperature: 0.7,
    });
    await page.close();
  });
});

test("tools can be switched off; web search adds OpenRouter's web plugin and its citations", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Search the web for rivers");
  await fake.script(prompt, {
    kind: "stream",
    text: "The Nile is the longest river.",
    annotations: [{ url: "https://example.org/nile", title: "The Nile River" }],
  });
  await chat.open();
  const dialog = await openSettings(page);
  await dialog.getByRole("checkbox", { name: "Use fetch_url" }).uncheck();
  await dialog.getByRole("checkbox", { name: /^Web search/ }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await chat.send(prompt);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");

  const body = await lastUpstreamBody(fake, prompt);
  const offered = (body.tools as { function: { name: string } }[]).map(
    (entry) => entry.function.name,
  );
  expect(offered.sort()).toEqual(["calculator", "current_time"]);
  expect(body.plugins).toEqual([{ id: "web" }]);
  const citation = chat
    .lastAssistant()
    .getByRole("link", { name: "The Nile River" });
  await expect(citation).toHaveAttribute("href", "https://example.org/nile");

  const reopened = await openSettings(page);
  await expect(
    reopened.getByRole("checkbox", { name: "Use fetch_url" }),
  ).not.toBeChecked();
  await reopened.getByRole("checkbox", { name: "Use calculator" }).uncheck();
  await reopened.getByRole("checkbox", { name: "Use current_time" }).uncheck();
  await reopened.getByRole("button", { name: "Save" }).click();
  await expect(reopened).toBeHidden();
  const next = uniquePrompt("No tools at all");
  await chat.send(next);
  await expect(chat.assistantMessages()).toHaveCount(2);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  expect((await lastUpstreamBody(fake, next)).tools ?? []).toEqual([]);
});
