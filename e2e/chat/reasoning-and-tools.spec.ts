import { expect, test } from "../support/fixtures";

test("reasoning streams live in its own block, folded once the answer is in", async ({
  chat,
  fake,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Why is the sky blue?");
  await fake.script(prompt, {
    kind: "stream",
    reasoning: "Rayleigh scattering favours short wavelengths, so blue wins.",
    text: "Because air scatters blue light more than red.",
    tokenDelayMs: 60,
  });
  await chat.open();
  await chat.send(prompt);

  const reply = chat.lastAssistant();
  const reasoning = reply.getByTestId("reasoning");
  const toggle = reasoning.getByRole("button", { name: /^Reasoning/ });
  // Live: open, growing, before any of the answer exists.
  await expect(reasoning).toContainText("Rayleigh");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(reply).not.toContainText("Because air");

  await expect(reply).toHaveAttribute("data-status", "complete");
  await expect(reply).toContainText("Because air scatters blue light");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(reasoning).not.toContainText("Rayleigh");
  // Duration measured on the server, tokens from OpenRouter's usage.
  await expect(toggle).toHaveAccessibleName(
    /^Reasoning · \d+\.\d s · \d+ tokens/,
  );
  const [seconds] = ((await toggle.textContent()) ?? "").match(/\d+\.\d/) ?? [];
  expect(Number(seconds)).toBeGreaterThan(0.2);
  await toggle.click();
  await expect(reasoning).toContainText("so blue wins.");
  // The reasoning sits above the answer.
  const reasoningBox = await reasoning.boundingBox();
  const answerBox = await reply.getByText("Because air").boundingBox();
  expect(reasoningBox?.y ?? 0).toBeLessThan(answerBox?.y ?? 0);
});

test("a tool call shows its name, arguments and result", async ({
  chat,
  fake,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("What time is it in Paris?");
  await fake.script(
    prompt,
    {
      kind: "stream",
      toolCalls: [
        { name: "current_time", arguments: { timeZone: "Europe/Paris" } },
      ],
    },
    { kind: "stream", text: "It is evening in Paris." },
  );
  await chat.open();
  await chat.send(prompt);

  const reply = chat.lastAssistant();
  await expect(reply).toHaveAttribute("data-status", "complete");
  const call = reply.getByTestId("tool-call");
  await expect(call).toHaveAttribute("data-tool-name", "current_time");
  await expect(call).toHaveAttribute("data-state", "output-available");
  await expect(reply).toContainText("It is evening in Paris.");
  await call.getByRole("button").click();
  await expect(call).toContainText('"timeZone": "Europe/Paris"');
  await expect(call).toContainText('"local":');

  // The server ran the tool and sent its result back to the model.
  const requests = await fake.requests(prompt);
  expect(requests).toHaveLength(2);
  const followUp = requests[1]?.body as
    | { messages: { role: string; content: unknown }[] }
    | undefined;
  const toolMessage = followUp?.messages.find(
    (message) => message.role === "tool",
  );
  expect(JSON.stringify(toolMessage?.content)).toContain("Europe/Paris");
});
