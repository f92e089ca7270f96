import { expect, test } from "../support/fixtures";

const longText = Array.from({ length: 300 }, (_, index) => `w${index}`).join(
  " ",
);

for (const how of ["the Stop button", "the Esc key"] as const) {
  test(`${how} stops the reply, keeps what arrived and saves it as stopped`, async ({
    chat,
    fake,
    page,
    uniquePrompt,
  }) => {
    const prompt = uniquePrompt(`Count slowly (${how})`);
    await fake.script(prompt, {
      kind: "stream",
      text: longText,
      tokenDelayMs: 50,
    });
    await chat.open();
    await chat.send(prompt);

    const reply = chat.lastAssistant();
    await expect(reply).toContainText("w10");
    if (how === "the Esc key") await page.keyboard.press("Escape");
    else await chat.stopButton.click();

    await expect(reply).toHaveAttribute("data-status", "stopped");
    await expect(chat.sendButton).toBeVisible();
    const shown = (await reply.textContent()) ?? "";
    expect(shown).toContain("w10");
    expect(shown).not.toContain("w299");

    // The upstream call was cut, not left running to the end.
    await expect
      .poll(async () => (await fake.requests(prompt))[0]?.aborted)
      .toBe(true);

    await page.reload();
    const saved = chat.lastAssistant();
    await expect(saved).toHaveAttribute("data-status", "stopped");
    await expect(saved).toContainText("w10");
    await expect(saved).not.toContainText("w299");
    await expect(chat.userMessages().last()).toHaveText(prompt);
  });
}
