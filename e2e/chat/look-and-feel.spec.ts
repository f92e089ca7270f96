import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";

// The main states as pictures, for anyone to look at: `screenshots/` is
// ignored by git and rewritten on every run.
const shots = path.resolve(import.meta.dirname, "../../screenshots");
/** The colour of a one-pixel PNG, decoded by the browser itself. */
async function pixel(page: Page, png: Buffer): Promise<number[]> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d");
    context?.drawImage(image, 0, 0);
    return Array.from(context?.getImageData(0, 0, 1, 1).data ?? []);
  }, png.toString("base64"));
}

const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(shots, `${name}.png`) });

test("the main states, in pictures", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  await chat.open();
  await shoot(page, "empty-chat");

  const thinking = uniquePrompt("What time is it in Lisbon?");
  await fake.script(
    thinking,
    {
      kind: "stream",
      reasoning: "The user wants Lisbon's time; the current_time tool knows.",
      toolCalls: [
        { name: "current_time", arguments: { timeZone: "Europe/Lisbon" } },
      ],
      tokenDelayMs: 150,
    },
    {
      kind: "stream",
      text: "It is **evening** in Lisbon.\n\n```ts\nconst city = 'Lisbon';\n```",
    },
  );
  await chat.send(thinking);
  await expect(chat.lastAssistant().getByTestId("reasoning")).toContainText(
    "Lisbon",
  );
  await shoot(page, "streaming-with-reasoning");
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  await chat
    .lastAssistant()
    .getByTestId("tool-call")
    .getByRole("button")
    .click();
  await shoot(page, "tool-call");

  await page.getByRole("button", { name: "Settings" }).click();
  await expect(page.getByRole("dialog", { name: "Settings" })).toBeVisible();
  await shoot(page, "settings");
});

test("on a 390-pixel phone screen the chat works and the history opens", async ({
  chat,
  page,
  uniquePrompt,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await chat.open();
  const prompt = uniquePrompt("Hello from a phone");
  await chat.send(prompt);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await expect(chat.history).toBeHidden();
  await page.getByRole("button", { name: "Show conversations" }).click();
  await expect(chat.history.getByRole("link", { name: prompt })).toBeVisible();
  await shoot(page, "mobile");
});

test("the theme follows the system setting, light or dark", async ({
  browser,
}) => {
  const brightness: Record<string, number> = {};
  for (const colorScheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("textbox", { name: "Message" })).toBeVisible();
    // Painted, not computed: Chromium reports Tailwind's colours as lab()
    // or oklch(), so read a pixel of the empty page the person sees.
    const png = await page.screenshot({
      clip: { x: 1200, y: 200, width: 1, height: 1 },
    });
    const [red = 0, green = 0, blue = 0] = await pixel(page, png);
    brightness[colorScheme] = (red + green + blue) / 3;
    await shoot(page, colorScheme);
    await context.close();
  }
  expect(brightness.light).toBeGreaterThan(230);
  expect(brightness.dark).toBeLessThan(40);
});

test("Ctrl+Shift+O starts a new chat from a conversation", async ({
  chat,
  page,
  uniquePrompt,
}) => {
  await chat.open();
  await chat.send(uniquePrompt("Before the shortcut"));
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  await page.keyboard.press("Control+Shift+O");
  await expect(page).toHaveURL(/\/$/);
  await expect(chat.messages).toHaveCount(0);
});
