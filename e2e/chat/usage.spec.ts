import { expect, test } from "../support/fixtures";

test("each reply shows its usage and cost, the header the running total", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const first = uniquePrompt("Cost one");
  const second = uniquePrompt("Cost two");
  await fake.script(first, {
    kind: "stream",
    text: "One.",
    reasoning: "Short thought.",
    usage: {
      promptTokens: 100,
      completionTokens: 20,
      reasoningTokens: 8,
      cachedTokens: 64,
      cost: 0.0001,
    },
  });
  await fake.script(second, {
    kind: "stream",
    text: "Two.",
    usage: { promptTokens: 300, completionTokens: 50, cost: 0.0003 },
  });
  await chat.open();
  await chat.send(first);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  await chat.send(second);
  await expect(chat.assistantMessages()).toHaveCount(2);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");

  const usage = chat.assistantMessages().getByTestId("usage");
  await expect(usage.first()).toContainText(
    "100 in · 20 out · 8 reasoning · 64 cached · $0.000100",
  );
  await expect(usage.last()).toContainText("300 in · 50 out · $0.000300");
  const totals = page.getByTestId("conversation-totals");
  await expect(totals).toHaveText("470 tokens · $0.0004");

  await page.reload();
  await expect(totals).toHaveText("470 tokens · $0.0004");
  await expect(usage.first()).toContainText("$0.000100");
});
