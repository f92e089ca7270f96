// Sign-in attempts are limited per address and per account named, before
// the password is checked: guessing from one address, or at one account
// from many addresses, runs out either way; others are not held up.

import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import {
  type AccountsApp,
  client,
  signIn,
  signUp,
  startAccountsApp,
} from "./support";

let app: AccountsApp;
const clients: APIRequestContext[] = [];

test.beforeAll(async () => {
  app = await startAccountsApp("sign-in-limits", {
    RATE_LIMIT_SIGN_IN_PER_MINUTE: "2",
    // The test clients say which address they come from, as a proxy would.
    TRUST_PROXY_HOPS: "1",
  });
});

test.afterAll(async () => {
  await Promise.all(clients.map((api) => api.dispose()));
  await app?.stop();
});

async function newClient() {
  const api = await client(app);
  clients.push(api);
  return api;
}

test("a third attempt within the minute is refused in words, per address and per account", async ({
  browser,
}) => {
  const owner = await newClient();
  expect((await signUp(owner, "owner@example.com")).status()).toBe(200);

  const guesser = await newClient();
  for (let attempt = 0; attempt < 2; attempt++) {
    const wrong = await signIn(
      guesser,
      "owner@example.com",
      "not the password",
    );
    expect(wrong.status()).toBe(401);
  }
  const refused = await signIn(guesser, "owner@example.com", "not it either");
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  const body = await refused.json();
  expect(body.error.code).toBe("rate_limited:sign_in");
  expect(body.error.message).toMatch(
    /^Too many sign-in attempts\. Try again in \d+ seconds\.$/,
  );

  // From another address, the same account is still out of attempts...
  const elsewhere = await newClient();
  expect((await signIn(elsewhere, "owner@example.com")).status()).toBe(429);
  // ...while another account from there is not held up.
  expect(
    (await signIn(elsewhere, "nobody@example.com", "whatever it is")).status(),
  ).toBe(401);

  // The sign-in page says so too.
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" },
  });
  const page = await context.newPage();
  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel("Email").fill("owner@example.com");
  await page.getByLabel("Password").fill("one more guess");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    /^Too many sign-in attempts\. Try again in \d+ seconds\.$/,
  );
  await context.close();
});
