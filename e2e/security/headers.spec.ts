import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";

// Collects what the browser refused under the page's Content-Security-Policy:
// the `securitypolicyviolation` events and the console errors Chromium logs
// for them.
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
      report(
        `${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} sample ${event.sample}`,
      );
    });
  });
  return violations;
}

test("pages carry a nonce-based policy and run with no violation", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const violations = await watchViolations(page);
  const prompt = uniquePrompt("Everything at once");
  await fake.script(prompt, {
    kind: "stream",
    reasoning: "Thinking about formulas.",
    text: [
      "Inline $e^{i\\pi} + 1 = 0$ and a block:",
      "",
      "$$\\int_0^1 x^2\\,dx = \\frac{1}{3}$$",
      "",
      "```ts",
      "const answer: number = 42;",
      "```",
      "",
      "| a | b |",
      "| - | - |",
      "| 1 | 2 |",
    ].join("\n"),
  });

  const response = await page.goto("/");
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("'unsafe-eval'");
  await expect(chat.composer).toBeVisible();

  await chat.send(prompt);
  const reply = chat.lastAssistant();
  await expect(reply).toHaveAttribute("data-status", "complete");
  // The lazily loaded renderers arrived and did their work under the policy.
  await expect(reply.locator(".katex").first()).toBeVisible();
  await expect(reply.getByRole("code").first()).toContainText("answer");
  await reply.getByRole("button", { name: /^Reasoning/ }).click();

  await page.reload();
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  await page.getByRole("link", { name: "Default settings" }).click();
  await expect(
    page.getByRole("heading", { name: "Default settings" }),
  ).toBeVisible();
  await page.goto("/c/00000000-0000-4000-8000-000000000000");
  await expect(
    page.getByText(/not found|could not be found/i).first(),
  ).toBeVisible();

  expect(violations).toEqual([]);
});

test("every response carries the security headers, and nonces never repeat", async ({
  request,
}) => {
  const first = await request.get("/");
  const second = await request.get("/");
  const nonceOf = (policy: string | undefined) =>
    /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
  const nonce = nonceOf(first.headers()["content-security-policy"]);
  expect(nonce).toBeTruthy();
  expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonce);
  // Next put the nonce on its own scripts.
  expect(await first.text()).toContain(`nonce="${nonce}"`);

  const api = await request.get("/api/health");
  for (const response of [first, api]) {
    const headers = response.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  }
  expect(api.headers()["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );
});
