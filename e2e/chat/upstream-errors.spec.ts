import { expect, test } from "../support/fixtures";

const beforeStream = [
  { status: 401, message: "User not found." },
  {
    status: 402,
    message: "This request requires more credits, or fewer max_tokens.",
  },
  { status: 429, message: "Rate limit exceeded: limit_rpm/deepseek" },
  { status: 502, message: "Provider returned error" },
  { status: 503, message: "No endpoints available for this model" },
];

for (const { status, message } of beforeStream) {
  test(`an OpenRouter ${status} is shown in words, the message kept, and retry works`, async ({
    chat,
    fake,
    page,
    uniquePrompt,
  }) => {
    const prompt = uniquePrompt(`Error ${status} please`);
    await fake.script(
      prompt,
      { kind: "error", status, message },
      { kind: "stream", text: "Recovered answer." },
    );
    await chat.open();
    await chat.send(prompt);

    const alert = chat.alert;
    await expect(alert).toContainText(message);
    await expect(chat.userMessages()).toHaveText([prompt]);
    await expect(chat.lastAssistant()).toHaveAttribute("data-status", "failed");

    await alert.getByRole("button", { name: "Retry" }).click();
    await expect(chat.lastAssistant()).toContainText("Recovered answer.");
    await expect(chat.lastAssistant()).toHaveAttribute(
      "data-status",
      "complete",
    );
    await expect(chat.alert).toHaveCount(0);
    await expect(chat.userMessages()).toHaveText([prompt]);

    await page.reload();
    await expect(chat.lastAssistant()).toContainText("Recovered answer.");
    expect(await fake.requests(prompt)).toHaveLength(2);
  });
}

test("an error after the reply began keeps the partial reply, marked failed", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Break midway");
  await fake.script(prompt, {
    kind: "stream",
    text: "alpha beta gamma delta epsilon zeta eta theta",
    tokenDelayMs: 20,
    errorAfter: {
      chunks: 5,
      code: 502,
      message: "Upstream provider disconnected",
      form: "documented",
    },
  });
  await chat.open();
  await chat.send(prompt);

  const reply = chat.lastAssistant();
  await expect(chat.alert).toContainText("Upstream provider disconnected");
  await expect(reply).toHaveAttribute("data-status", "failed");
  await expect(reply).toContainText("alpha");
  await expect(reply).not.toContainText("theta");

  await page.reload();
  const saved = chat.lastAssistant();
  await expect(saved).toHaveAttribute("data-status", "failed");
  await expect(saved).toContainText("alpha");
  await expect(saved.getByRole("alert")).toContainText(
    "Upstream provider disconnected",
  );
  await expect(chat.userMessages()).toHaveText([prompt]);
});
