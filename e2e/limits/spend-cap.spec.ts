// A deployment with a daily spending cap: the reply that reaches it
// finishes, the next request is refused before anything is sent upstream,
// in words that say the cap and when it resets, and deleting the
// conversation does not give the money back.

import { newTurn, sendMessage } from "../api/helpers";

import { expect, test } from "../support/fixtures";
import { ownInstance } from "../support/own-instance";

const DATABASE_URL = "file:./data/test/spend-cap.db";
test.describe.configure({ mode: "serial" });

const server = ownInstance({
  databaseUrl: DATABASE_URL,
  env: { SPEND_CAP_DAILY_USD: "0.01" },
});

type Report = {
  caps: { day?: number; month?: number };
  spent: { day: number; month: number };
  models: { model: string; cost: number; calls: number }[];
};

async function spendReport(): Promise<Report> {
  const response = await fetch(`${server().url}/api/spend`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { report: Report }).report;
}

test("the reply that reaches the cap finishes; the next is refused before it is sent", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const first = uniquePrompt("Spend the budget");
  const second = uniquePrompt("One more please");
  await fake.script(first, {
    kind: "stream",
    text: "That was costly.",
    usage: { promptTokens: 1000, completionTokens: 100, cost: 0.012 },
  });
  // The title request is paid for too.
  await fake.register({
    match: `First message:\n${first}`,
    answers: "non-streams",
    responses: [
      {
        kind: "stream",
        text: "Budget talk",
        usage: { promptTokens: 50, completionTokens: 3, cost: 0.001 },
      },
    ],
  });
  await fake.script(second, { kind: "stream", text: "Must not be sent." });

  await chat.open(`${server().url}/`);
  await chat.send(first);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  await expect(
    chat.history.getByRole("link", { name: "Budget talk" }),
  ).toBeVisible();
  expect((await spendReport()).spent.day).toBeCloseTo(0.013, 6);

  await chat.send(second);
  await expect(chat.alert).toContainText(
    "Today's spending cap of $0.01 is reached ($0.0130 spent), so nothing " +
      "was sent to the model. It resets at 00:00 UTC, in",
  );
  // The question stays on screen, with Retry for after the reset.
  await expect(chat.userMessages().last()).toContainText(second);
  await expect(chat.alert.getByRole("button", { name: "Retry" })).toBeVisible();
  expect(await fake.requests(second)).toHaveLength(0);

  await page.goto(`${server().url}/settings`);
  const spending = page.getByRole("region", { name: "Spending" });
  await expect(spending.getByTestId("spend-day")).toContainText(
    "$0.0130 of $0.01",
  );
  await expect(spending.getByTestId("spend-day")).toContainText("Cap reached");
  await expect(spending.getByTestId("spend-month")).toContainText("No cap");
  await expect(
    spending.getByRole("img", { name: "Spending per day, last 30 days" }),
  ).toBeVisible();
  const byModel = spending.getByRole("table", { name: "Spending by model" });
  await expect(byModel.getByRole("row")).toHaveCount(2);
  await expect(byModel.getByRole("row").last()).toContainText("$0.0130");
  const byDay = spending.getByRole("table", { name: "Spending by day" });
  await expect(byDay.getByRole("row").last()).toContainText(
    new Date().toISOString().slice(0, 10),
  );
});

test("the API refuses with 402 spend_cap:chat, also after the conversation is deleted", async () => {
  const before = await spendReport();
  expect(before.caps).toEqual({ day: 0.01 });
  const [model] = before.models;
  expect(model?.calls).toBe(2);

  const listed = await fetch(`${server().url}/api/conversations`);
  const { conversations } = (await listed.json()) as {
    conversations: { id: string }[];
  };
  for (const conversation of conversations) {
    const deleted = await fetch(
      `${server().url}/api/conversations/${conversation.id}`,
      { method: "DELETE" },
    );
    expect(deleted.status).toBe(200);
  }
  expect((await spendReport()).spent.day).toBeCloseTo(0.013, 6);

  const refused = await sendMessage(newTurn(), "Anything at all", {
    baseUrl: server().url,
  });
  expect(refused.status).toBe(402);
  const body = (await refused.json()) as {
    error: { code: string; message: string };
  };
  expect(body.error.code).toBe("spend_cap:chat");
  expect(body.error.message).toContain("Today's spending cap of $0.01");
  // Nothing of the refused turn was kept.
  const after = await fetch(`${server().url}/api/conversations`);
  expect(
    ((await after.json()) as { conversations: unknown[] }).conversations,
  ).toHaveLength(0);
});
