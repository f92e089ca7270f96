import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { createLink, startConversation, stranger } from "./share-support";

// As e2e/security/headers.spec.ts: what the page's policy refused.
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  await page.exposeFunction("reportViolation", (text: string) => {
    violations.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as Record<string, unknown>)
        .reportViolation as (text: string) => void;
      report(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return violations;
}

test("continue copies the shared conversation into one's own history", async ({
  browser,
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Plan a picnic");
  const id = await startConversation(chat, fake, prompt, "Bring lemonade.");
  const link = await createLink(page, id, { mode: "snapshot" });

  const visitor = await stranger(browser);
  const violations = await watchViolations(visitor);
  await visitor.goto(link.url);
  await visitor
    .getByRole("button", { name: "Continue this conversation" })
    .click();
  await expect(visitor).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  const copyId = /\/c\/([0-9a-f-]{36})/.exec(visitor.url())?.[1] ?? "";
  expect(copyId).not.toBe(id);
  const messages = visitor.getByTestId("message");
  await expect(messages).toHaveCount(2);
  await expect(messages.last()).toContainText("Bring lemonade.");

  const followUp = uniquePrompt("And for dessert?");
  await fake.script(followUp, { kind: "stream", text: "Strawberries." });
  await visitor.getByRole("textbox", { name: "Message" }).fill(followUp);
  await visitor.getByRole("textbox", { name: "Message" }).press("Enter");
  await expect(messages.last()).toContainText("Strawberries.");
  await expect(messages.last()).toHaveAttribute("data-status", "complete");
  // The model saw the copied history.
  const requests = await fake.requests(followUp);
  expect(JSON.stringify(requests[0]?.body)).toContain("Bring lemonade.");

  // The copy is in the sidebar and in search.
  const sidebar = visitor.getByRole("navigation", { name: "Conversations" });
  await visitor.reload();
  await expect(sidebar.getByRole("link").first()).toBeVisible();
  const search = await visitor.request.get(
    `/api/search?q=${encodeURIComponent(prompt.split(" ").at(-1) ?? "")}`,
  );
  const found = (await search.json()) as {
    results: { conversationId: string }[];
  };
  expect(found.results.map((result) => result.conversationId)).toContain(
    copyId,
  );

  // The original is unchanged.
  await chat.page.reload();
  await expect(chat.messages).toHaveCount(2);
  expect(violations).toEqual([]);
  await visitor.context().close();
});

test("views are counted and shown in the owner's list; indexable drops noindex", async ({
  browser,
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Counting views");
  const id = await startConversation(chat, fake, prompt, "One, two, three.");
  const patched = await page.request.patch(`/api/conversations/${id}`, {
    data: { settings: { systemPrompt: "Count slowly." } },
  });
  expect(patched.ok()).toBe(true);
  const link = await createLink(page, id, {
    mode: "live",
    indexable: true,
    includeSystemPrompt: true,
  });
  const visitor = await stranger(browser);
  for (let view = 0; view < 3; view++) {
    expect((await visitor.goto(link.url))?.status()).toBe(200);
  }
  await expect(visitor.getByTestId("shared-system-prompt")).toHaveText(
    "Count slowly.",
  );
  await expect(visitor.locator('meta[name="robots"]')).toHaveCount(0);
  await expect(visitor.locator('meta[property="og:title"]')).toHaveCount(1);

  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Shared links" });
  const row = section
    .getByTestId("share-link-row")
    .filter({ hasText: prompt.slice(0, 20) });
  await expect(row.getByTestId("share-view-count")).toHaveText("3 views");
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toHaveAttribute("data-state", "revoked");
  expect((await visitor.goto(link.url))?.status()).toBe(404);
  await visitor.context().close();
});
