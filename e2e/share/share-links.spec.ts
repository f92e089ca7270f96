import { expect, test } from "../support/fixtures";
import { createLink, startConversation, stranger } from "./share-support";

test("a link made in the dialog shows the conversation to a stranger, and nothing else", async ({
  browser,
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("What time is it in Paris?");
  await fake.script(
    prompt,
    {
      kind: "stream",
      reasoning: "The user wants the local time in Paris.",
      toolCalls: [
        { name: "current_time", arguments: { timeZone: "Europe/Paris" } },
      ],
    },
    { kind: "stream", text: "It is evening in Paris." },
  );
  await chat.open();
  await chat.send(prompt);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  const conversationId = chat.conversationId();
  // A system prompt the stranger must not see unless included.
  const patched = await page.request.patch(
    `/api/conversations/${conversationId}`,
    { data: { settings: { systemPrompt: "Secret house rules." } } },
  );
  expect(patched.ok()).toBe(true);

  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByRole("dialog", { name: "Share conversation" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: "Snapshot" }).check();
  await dialog.getByRole("button", { name: "Create link" }).click();
  const linkBox = dialog.getByRole("textbox", { name: "Share link" });
  await expect(linkBox).toHaveValue(/\/share\/[A-Za-z0-9_-]{43}$/);
  const url = await linkBox.inputValue();
  expect(url).not.toContain(conversationId);
  await expect(dialog.getByRole("button", { name: "Copy link" })).toBeVisible();
  await expect(dialog.getByTestId("share-link-row")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  const visitor = await stranger(browser);
  const response = await visitor.goto(url);
  expect(response?.status()).toBe(200);
  const html = (await response?.text()) ?? "";
  expect(html).not.toContain(conversationId);
  expect(html).not.toContain("Secret house rules");
  const messages = visitor.getByTestId("message");
  await expect(messages).toHaveCount(2);
  await expect(messages.first()).toContainText(prompt);
  const reply = messages.last();
  await expect(reply).toContainText("It is evening in Paris.");
  await expect(visitor.getByTestId("shared-model")).not.toBeEmpty();
  const reasoning = reply.getByTestId("reasoning");
  await expect(reasoning.getByRole("button")).toHaveAttribute(
    "aria-expanded",
    "false",
  );
  await expect(reasoning).not.toContainText("local time in Paris");
  await expect(reply.getByTestId("tool-call")).toHaveAttribute(
    "data-tool-name",
    "current_time",
  );
  // No sidebar, no settings, no composer.
  await expect(
    visitor.getByRole("navigation", { name: "Conversations" }),
  ).toHaveCount(0);
  await expect(visitor.getByRole("button", { name: "Settings" })).toHaveCount(
    0,
  );
  await expect(visitor.getByRole("textbox", { name: "Message" })).toHaveCount(
    0,
  );
  await expect(visitor.getByText("Secret house rules")).toHaveCount(0);
  // Noindex by default, Open Graph present.
  await expect(visitor.locator('meta[name="robots"]')).toHaveAttribute(
    "content",
    /noindex/,
  );
  await expect(visitor.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    /.+/,
  );
  await expect(
    visitor.locator('meta[property="og:description"]'),
  ).toHaveAttribute("content", new RegExp(prompt.slice(0, 20)));

  // The stranger cannot reach the conversation's data through the link.
  const token = url.split("/share/")[1] ?? "";
  const neighbour = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
  expect((await visitor.goto(`/share/${neighbour}`))?.status()).toBe(404);
  for (const path of [
    `/api/shares/${token}/continue/../../../conversations/${conversationId}`,
    `/share/${conversationId}`,
  ]) {
    const answer = await visitor.request.get(path);
    expect(await answer.text()).not.toContain("It is evening in Paris");
  }
  await visitor.context().close();
});

test("a snapshot keeps its moment, a live link follows the conversation", async ({
  browser,
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const first = uniquePrompt("First question");
  const id = await startConversation(chat, fake, first, "First answer.");
  const snapshot = await createLink(page, id, { mode: "snapshot" });
  const live = await createLink(page, id, { mode: "live" });
  expect(snapshot.token).not.toBe(live.token);

  const second = uniquePrompt("Second question");
  await fake.script(second, { kind: "stream", text: "Second answer." });
  await chat.send(second);
  await expect(chat.lastAssistant()).toContainText("Second answer.");
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");

  const visitor = await stranger(browser);
  await visitor.goto(snapshot.url);
  await expect(visitor.getByTestId("message")).toHaveCount(2);
  await expect(visitor.getByText("Second answer.")).toHaveCount(0);
  await visitor.goto(live.url);
  await expect(visitor.getByTestId("message")).toHaveCount(4);
  await expect(visitor.getByText("Second answer.")).toBeVisible();
  await visitor.context().close();
});

test("revoking answers 404 at once, on the page and the API", async ({
  browser,
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const id = await startConversation(
    chat,
    fake,
    uniquePrompt("Revoke me"),
    "Soon gone.",
  );
  const link = await createLink(page, id, { mode: "live" });
  const visitor = await stranger(browser);
  expect((await visitor.goto(link.url))?.status()).toBe(200);

  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByRole("dialog", { name: "Share conversation" });
  const row = dialog.getByTestId("share-link-row");
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toHaveAttribute("data-state", "revoked");

  const gone = await visitor.goto(link.url);
  expect(gone?.status()).toBe(404);
  await expect(
    visitor.getByRole("heading", { name: "This page could not be found" }),
  ).toBeVisible();
  const api = await visitor.request.post(`/api/shares/${link.token}/continue`);
  expect(api.status()).toBe(404);
  const unknown = await visitor.request.post(
    `/api/shares/${"x".repeat(43)}/continue`,
  );
  // Revoked and unknown answer alike.
  expect(await api.json()).toEqual(await unknown.json());
  expect((await api.json()).error.code).toBe("not_found:share");
  await visitor.context().close();
});

test("an expired link answers 404", async ({
  browser,
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const id = await startConversation(
    chat,
    fake,
    uniquePrompt("Short-lived"),
    "Here for a moment.",
  );
  const link = await createLink(page, id, {
    mode: "snapshot",
    expiresAt: new Date(Date.now() + 3_000).toISOString(),
  });
  const visitor = await stranger(browser);
  expect((await visitor.goto(link.url))?.status()).toBe(200);
  await expect
    .poll(async () => (await visitor.request.get(link.url)).status(), {
      timeout: 10_000,
    })
    .toBe(404);
  const past = await page.request.post(`/api/conversations/${id}/shares`, {
    data: { mode: "snapshot", expiresAt: "2000-01-01T00:00:00Z" },
  });
  expect(past.status()).toBe(400);
  await visitor.context().close();
});
