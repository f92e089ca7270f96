import { randomUUID } from "node:crypto";
// Accounts on (an instance of its own, empty database): the first visitor
// creates the administrator, everyone else must sign in, and sign-up stays
// closed until the administrator opens it.

import type { AppServer } from "../support/app-server";
import { expect, test } from "../support/fixtures";
import {
  client,
  exportFileOf,
  PASSWORD,
  signIn,
  signInWithForm,
  signUp,
  startAccountsApp,
  watchCspViolations,
} from "./support";

let app: AppServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  app = await startAccountsApp("first-run");
});

test.afterAll(async () => {
  await app?.stop();
});

test("first start offers only Create account; that account is the admin", async ({
  page,
}) => {
  const violations = watchCspViolations(page);
  await page.goto(`${app.url}/settings`);
  await expect(page).toHaveURL(`${app.url}/sign-in?next=%2Fsettings`);
  await expect(page.getByRole("button")).toHaveCount(1);
  await expect(
    page.getByRole("button", { name: "Create account" }),
  ).toBeVisible();
  await signInWithForm(page, {
    email: "admin@example.com",
    button: "Create account",
  });
  // Back where the visitor was going.
  await expect(page).toHaveURL(`${app.url}/settings`);
  await expect(
    page.getByRole("heading", { name: "Default settings" }),
  ).toBeVisible();

  const api = await client(app);
  const session = await api.post("/api/auth/sign-in/email", {
    data: { email: "admin@example.com", password: PASSWORD },
  });
  expect(session.status()).toBe(200);
  expect((await session.json()).user.role).toBe("admin");
  await api.dispose();
  expect(violations).toEqual([]);
});

test("a second visitor cannot create an account while sign-up is closed", async ({
  page,
}) => {
  await page.goto(`${app.url}/sign-in`);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Create one" })).toHaveCount(0);
  await page.goto(`${app.url}/sign-up`);
  await expect(
    page.getByRole("heading", { name: "Sign-up is closed" }),
  ).toBeVisible();

  // The endpoint itself refuses, not only the page.
  const stranger = await client(app);
  const response = await signUp(stranger, "stranger@example.com");
  expect(response.status()).toBe(403);
  expect((await response.json()).code).toBe("SIGN_UP_CLOSED");
  const list = await stranger.get("/api/conversations");
  expect(list.status()).toBe(401);
  expect((await list.json()).error.code).toBe("unauthorized:auth");
  await stranger.dispose();
});

test("signing in and out: the account menu shows the email", async ({
  page,
}) => {
  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    /invalid/i,
  );

  await signInWithForm(page, {
    email: "admin@example.com",
    button: "Sign in",
  });
  await expect(page.getByRole("textbox", { name: "Message" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${app.url}/sign-in`);
  await page.goto(`${app.url}/settings`);
  await expect(page).toHaveURL(`${app.url}/sign-in?next=%2Fsettings`);
  // Never back to another site.
  await page.goto(
    `${app.url}/sign-in?next=${encodeURIComponent("//evil.example/")}`,
  );
  await signInWithForm(page, {
    email: "admin@example.com",
    button: "Sign in",
  });
  await expect(page).toHaveURL(`${app.url}/`);
});

test("public: health and an unknown share link answer without a session", async () => {
  const anonymous = await client(app);
  expect((await anonymous.get("/api/health")).status()).toBe(200);
  const share = await anonymous.get(`/share/${"a".repeat(43)}`);
  expect(share.status()).toBe(404);
  await anonymous.dispose();
});

test("Continue on a shared page asks a stranger to sign in, then comes back", async ({
  browser,
}) => {
  const api = await client(app);
  expect((await signIn(api, "admin@example.com")).status()).toBe(200);
  const conversationId = randomUUID();
  const imported = await api.post("/api/import", {
    data: exportFileOf({ id: conversationId, title: "Worth continuing" }),
  });
  expect(imported.status()).toBe(200);
  const share = await api.post(`/api/conversations/${conversationId}/shares`, {
    data: { mode: "snapshot" },
  });
  const { url } = (await share.json()).link as { url: string };
  await api.dispose();

  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": "192.0.2.50" },
  });
  const page = await context.newPage();
  await page.goto(`${app.url}${url}`);
  await page
    .getByRole("button", { name: "Continue this conversation" })
    .click();
  await expect(page).toHaveURL(
    `${app.url}/sign-in?next=${encodeURIComponent(url)}`,
  );
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${app.url}${url}`);
  await page
    .getByRole("button", { name: "Continue this conversation" })
    .click();
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  await context.close();
});
