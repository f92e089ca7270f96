// A person's own OpenRouter key, on an instance without a server key:
// connected through OpenRouter's OAuth PKCE flow (the fake's /auth page and
// POST /api/v1/auth/keys) or pasted, checked with GET /api/v1/key, used for
// replies, kept encrypted, shown only by its last four characters.

import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { databaseFile } from "../api/helpers";

import { FAKE_OPENROUTER_URL } from "../support/config";
import { expect, test } from "../support/fixtures";
import { ownInstance } from "../support/own-instance";

const DATABASE_URL = "file:./data/test/openrouter-key.db";
test.describe.configure({ mode: "serial" });

const server = ownInstance({
  databaseUrl: DATABASE_URL,
  env: { OPENROUTER_API_KEY: undefined },
});

/** Everything SQLite holds on disk for the instance, as text. */
function databaseBytes(): string {
  const file = databaseFile(DATABASE_URL);
  return [file, `${file}-wal`]
    .map((path) => {
      try {
        return readFileSync(path).toString("latin1");
      } catch {
        return "";
      }
    })
    .join("");
}

test("connect through OpenRouter, chat with that key, test it, remove it", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  await page.goto(`${server().url}/settings`);
  const section = page.getByRole("region", { name: "OpenRouter key" });
  const inUse = section.getByTestId("key-in-use");
  await expect(inUse).toHaveText(/There is no key yet/);

  await section
    .getByRole("link", { name: "Connect OpenRouter account" })
    .click();
  await expect(page).toHaveURL(new RegExp(`^${FAKE_OPENROUTER_URL}/auth\\?`));
  const approval = new URL(page.url());
  expect(approval.searchParams.get("code_challenge_method")).toBe("S256");
  expect(approval.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
  expect(approval.searchParams.get("callback_url")).toBe(
    `${server().url}/api/openrouter-key/oauth/callback`,
  );
  await page.getByRole("link", { name: "Allow" }).click();

  await expect(page).toHaveURL(/\/settings\?openrouter=connected/);
  await expect(section.getByRole("status")).toHaveText(
    "Your OpenRouter account is connected.",
  );
  await expect(inUse).toHaveText(
    /^Replies use your key ending in \w{4}, connected through OpenRouter on /,
  );
  const lastFour = /ending in (\w{4})/.exec(
    (await inUse.textContent()) ?? "",
  )?.[1];
  expect(lastFour).toBeDefined();

  // Replies go out with that key.
  const prompt = uniquePrompt("With my own key");
  await fake.script(prompt, { kind: "stream", text: "Paid by you." });
  await chat.open(`${server().url}/`);
  await expect(page.getByRole("complementary", { name: "Setup" })).toHaveCount(
    0,
  );
  await chat.send(prompt);
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  const [sent] = await fake.requests(prompt);
  expect(sent?.headers.authorization).toBe(`***${lastFour}`);

  await page.goto(`${server().url}/settings`);
  await section.getByRole("button", { name: "Test key" }).click();
  await expect(section.getByRole("status")).toHaveText(
    "OpenRouter accepts the key. $0 used so far, no credit limit.",
  );
  await section.getByRole("button", { name: "Remove key" }).click();
  await expect(section.getByRole("status")).toHaveText("Key removed.");
  await expect(inUse).toHaveText(/There is no key yet/);
  await page.reload();
  await expect(inUse).toHaveText(/There is no key yet/);
});

test("a pasted key is checked with OpenRouter first and stored encrypted", async ({
  fake,
  page,
}) => {
  await page.goto(`${server().url}/settings`);
  const section = page.getByRole("region", { name: "OpenRouter key" });
  const field = section.getByLabel("OpenRouter API key");

  await field.fill("sk-or-v1-this-key-does-not-exist");
  await section.getByRole("button", { name: "Save key" }).click();
  await expect(section.getByRole("alert")).toHaveText(
    "OpenRouter does not accept this key (User not found.). Check that it " +
      "was copied whole and has not been disabled.",
  );
  await expect(section.getByTestId("key-in-use")).toHaveText(
    /There is no key yet/,
  );

  const key = await fake.issueKey();
  await field.fill(key);
  await section.getByRole("button", { name: "Save key" }).click();
  await expect(section.getByRole("status")).toHaveText(
    "Key saved. $0 used so far, no credit limit.",
  );
  await expect(field).toHaveValue("");
  await expect(section.getByTestId("key-in-use")).toHaveText(
    new RegExp(`ending in ${key.slice(-4)}, pasted here on `),
  );

  // Neither the API nor the database file shows the key.
  const status = await page.request.get(`${server().url}/api/openrouter-key`);
  const body = await status.text();
  expect(body).toContain(`"lastFour":"${key.slice(-4)}"`);
  expect(body).not.toContain(key.slice(0, -4));
  expect(databaseBytes()).not.toContain(key.slice(9, 40));
  const db = new Database(databaseFile(DATABASE_URL), { readonly: true });
  const row = db
    .prepare('SELECT "encryptedKey", "lastFour" FROM "OpenRouterKey"')
    .get() as { encryptedKey: string; lastFour: string };
  db.close();
  expect(row.lastFour).toBe(key.slice(-4));
  expect(row.encryptedKey).toMatch(/^v1\.[\w-]+$/);
});

test("a code brought back without this browser's verifier, or declined, stores nothing", async ({
  browser,
  page,
}) => {
  const callback = `${server().url}/api/openrouter-key/oauth/callback`;
  // A code OpenRouter issued for someone else's challenge.
  const approval = await page.request.get(
    `${FAKE_OPENROUTER_URL}/auth?callback_url=${encodeURIComponent(callback)}` +
      "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" +
      "&code_challenge_method=S256",
  );
  const code = /code=(\w+)/.exec(await approval.text())?.[1];
  expect(code).toBeDefined();

  const stranger = await browser.newContext();
  const visitor = await stranger.newPage();
  await visitor.goto(`${callback}?code=${code}`);
  await expect(visitor).toHaveURL(/\/settings\?openrouter=expired/);
  const section = visitor.getByRole("region", { name: "OpenRouter key" });
  await expect(section.getByRole("alert")).toContainText(
    "started in another browser",
  );

  // Started here, then declined on OpenRouter's page.
  await section
    .getByRole("link", { name: "Connect OpenRouter account" })
    .click();
  await visitor.getByRole("link", { name: "Deny" }).click();
  await expect(visitor).toHaveURL(/\/settings\?openrouter=denied/);
  await expect(section.getByRole("alert")).toHaveText(
    "OpenRouter did not give Parley a key: the request was declined.",
  );
  await stranger.close();

  // The key from the previous test is still the one in use.
  const status = await (
    await page.request.get(`${server().url}/api/openrouter-key`)
  ).json();
  expect(status.status.stored.source).toBe("pasted");
});
