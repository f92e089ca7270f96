import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("GitHub-flavoured Markdown: table, strikethrough, tasks, links", async ({
  chat,
  fake,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Compare languages");
  await fake.script(prompt, {
    kind: "stream",
    text: [
      "| Language | Typing |",
      "| --- | --- |",
      "| TypeScript | static |",
      "| Python | dynamic |",
      "",
      "~~wrong~~ right, ~5 minutes",
      "",
      "- [x] done",
      "- [ ] todo",
      "",
      "See https://example.com/docs or [the guide](https://example.org/g).",
    ].join("\n"),
  });
  await chat.open();
  await chat.send(prompt);

  const reply = chat.lastAssistant();
  await expect(reply).toHaveAttribute("data-status", "complete");
  const table = reply.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText([
    "Language",
    "Typing",
  ]);
  await expect(table.getByRole("row").nth(1).getByRole("cell")).toHaveText([
    "TypeScript",
    "static",
  ]);
  await expect(reply.getByRole("deletion")).toHaveText("wrong");
  await expect(reply).toContainText("~5 minutes");
  await expect(reply.getByRole("checkbox")).toHaveCount(2);
  await expect(reply.getByRole("checkbox").first()).toBeChecked();
  const autolink = reply.getByRole("link", {
    name: "https://example.com/docs",
  });
  await expect(autolink).toHaveAttribute("href", "https://example.com/docs");
  const guide = reply.getByRole("link", { name: "the guide" });
  await expect(guide).toHaveAttribute("target", "_blank");
  await expect(guide).toHaveAttribute("rel", "noopener noreferrer nofollow");
});

test("a TypeScript block is highlighted and Copy puts its code on the clipboard", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Write a greeter");
  const code = [
    "export function greet(name: string): string {",
    "  // Say hello.",
    '  return "Hello, " + name;',
    "}",
  ].join("\n");
  await fake.script(prompt, {
    kind: "stream",
    text: `Here you go, with \`inline\` code:\n\n\`\`\`ts\n${code}\n\`\`\`\n`,
  });
  await chat.open();
  await chat.send(prompt);

  const reply = chat.lastAssistant();
  await expect(reply).toHaveAttribute("data-status", "complete");
  await expect(reply.locator("p code")).toHaveText("inline");
  const block = reply.getByTestId("code-block");
  const pre = block.locator("pre");
  await expect(pre).toHaveAttribute("data-highlighted", "");
  // highlight.js wraps keywords, strings and comments in spans of their own.
  expect(await pre.locator("span").count()).toBeGreaterThan(3);
  await expect(pre).toHaveText(code);

  const copy = block.getByRole("button", { name: "Copy code" });
  await copy.click();
  await expect(copy).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  await expect(copy).toHaveText("Copy");
});

test("inline and display math render with KaTeX in all four notations", async ({
  chat,
  fake,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Some maths");
  await fake.script(prompt, {
    kind: "stream",
    text: [
      "Energy $E = mc^2$ and \\(a^2 + b^2 = c^2\\) inline.",
      "",
      "$$",
      "\\int_0^1 x^2 \\, dx = \\frac{1}{3}",
      "$$",
      "",
      "\\[",
      "\\sum_{n=1}^{\\infty} \\frac{1}{n^2} = \\frac{\\pi^2}{6}",
      "\\]",
      "",
      "But `\\(not math\\)` stays code.",
    ].join("\n"),
  });
  await chat.open();
  await chat.send(prompt);

  const reply = chat.lastAssistant();
  await expect(reply).toHaveAttribute("data-status", "complete");
  await expect(reply.locator(".katex")).toHaveCount(4);
  await expect(reply.locator(".katex-display")).toHaveCount(2);
  await expect(reply.locator("p code")).toHaveText("\\(not math\\)");
});

const xssCorpus = [
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  "<script>window.__pwned=2;alert(1)</script>",
  "[click](javascript:alert(1))",
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload="window.__pwned=3;alert(1)">',
  '<iframe src="javascript:alert(1)"></iframe>',
  "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![pixel](https://example.com/pixel.png)",
  "![bad](javascript:alert(1))",
].join("\n\n");

async function expectInert(page: Page, message: Locator) {
  await expect(message).toContainText("<script>window.__pwned=2");
  await expect(message.locator("script, iframe, img, svg")).toHaveCount(0);
  await expect(message.getByText("click", { exact: true })).not.toHaveAttribute(
    "href",
    /.*/,
  );
  await expect(message.getByRole("link", { name: "click" })).toHaveCount(0);
  await expect(message.getByRole("link", { name: "data link" })).toHaveCount(0);
  await expect(message.getByRole("link", { name: "pixel" })).toHaveAttribute(
    "href",
    "https://example.com/pixel.png",
  );
  await message.getByText("click", { exact: true }).click();
  expect(await page.evaluate(() => "__pwned" in window)).toBe(false);
}

test("HTML, scripts and javascript: links in a reply execute nothing", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const prompt = uniquePrompt("Show me some HTML");
  await fake.script(prompt, { kind: "stream", text: xssCorpus });
  await chat.open();
  await chat.send(prompt);

  const reply = chat.lastAssistant();
  await expect(reply).toHaveAttribute("data-status", "complete");
  await expectInert(page, reply);

  // The same reply rendered by the server from storage.
  await page.reload();
  await expect(chat.lastAssistant()).toContainText("click");
  await expectInert(page, chat.lastAssistant());
  expect(dialogs).toEqual([]);
});

test("a streaming code block is a code block before its fence closes", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Long script please");
  const lines = Array.from(
    { length: 30 },
    (_, index) => `const value${index} = ${index};`,
  );
  await fake.script(prompt, {
    kind: "stream",
    text: [
      "Here is **the script** ready:",
      "",
      "```ts",
      ...lines,
      "```",
      "",
      "All **done** now.",
    ].join("\n"),
    tokenDelayMs: 40,
  });
  await chat.open();
  // Records whether bold markers ever reached the screen mid-stream.
  await page.evaluate(() => {
    const seen = window as unknown as { __sawMarkers?: boolean };
    new MutationObserver(() => {
      const replies = document.querySelectorAll('[data-role="assistant"]');
      for (const reply of replies) {
        if (reply.textContent?.includes("**")) seen.__sawMarkers = true;
      }
    }).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  await chat.send(prompt);

  const reply = chat.lastAssistant();
  await expect(reply.locator("pre")).toContainText("value2");
  await expect(reply).toHaveAttribute("data-status", "streaming");
  await expect(reply).not.toContainText("value29");
  await expect(reply).toHaveAttribute("data-status", "complete");
  await expect(reply.locator("pre")).toHaveCount(1);
  await expect(reply.locator("strong")).toHaveText(["the script", "done"]);
  expect(await page.evaluate(() => "__sawMarkers" in window)).toBe(false);
});
