// The administrator's page (/admin/users): the sign-up switch, invitations
// with a one-time link, disabling and deleting accounts. An instance of its
// own with accounts on.

import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import Database from "better-sqlite3";
import { databaseFile } from "../api/helpers";
import { expect, test } from "../support/fixtures";
import {
  type AccountsApp,
  client,
  createMember,
  exportFileOf,
  PASSWORD,
  signIn,
  signInWithForm,
  signUp,
  startAccountsApp,
  watchCspViolations,
} from "./support";

let app: AccountsApp;
let admin: APIRequestContext;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  app = await startAccountsApp("admin");
  admin = await client(app);
  expect((await signUp(admin, "admin@example.com")).status()).toBe(200);
});

test.afterAll(async () => {
  await admin?.dispose();
  await app?.stop();
});

let pageVisits = 0;

async function openUsersPage(page: Page) {
  // Each visit signs in afresh, from an address of its own (see client()).
  pageVisits += 1;
  await page.setExtraHTTPHeaders({
    "x-forwarded-for": `203.0.113.${pageVisits}`,
  });
  await page.goto(`${app.url}/sign-in`);
  await signInWithForm(page, { email: "admin@example.com", button: "Sign in" });
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
}

function row(page: Page, email: string) {
  return page.getByTestId("user-row").filter({ hasText: email });
}

/** An account made through the admin API, signed in in its own client. */
async function member(email: string) {
  const api = await client(app);
  await createMember(admin, api, email);
  return api;
}

test("Allow sign-up opens and closes sign-up for strangers", async ({
  page,
}) => {
  await openUsersPage(page);
  const toggle = page.getByRole("switch", { name: "Allow sign-up" });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");

  const stranger = await client(app);
  expect((await signUp(stranger, "stranger@example.com")).status()).toBe(200);
  expect((await stranger.get("/api/conversations")).status()).toBe(200);
  // A new account is never an administrator.
  const users = await stranger.get("/api/admin/users");
  expect(users.status()).toBe(403);
  expect((await users.json()).error.code).toBe("forbidden:auth");
  const adminPage = await stranger.get("/admin/users");
  expect(adminPage.status()).toBe(404);

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  const late = await client(app);
  expect((await signUp(late, "late@example.com")).status()).toBe(403);
  await Promise.all([stranger.dispose(), late.dispose()]);
});

test("Invite shows a one-time link at which the invited person sets a password", async ({
  page,
  browser,
}) => {
  const violations = watchCspViolations(page);
  await openUsersPage(page);
  await page.getByLabel("Email").fill("invited@example.com");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = await page.getByTestId("invite-link").textContent();
  expect(link).toMatch(/\/invite\/[\w-]+$/);
  await expect(row(page, "invited@example.com")).toBeVisible();

  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": "203.0.113.200" },
  });
  const invited = await context.newPage();
  const invitedViolations = watchCspViolations(invited);
  await invited.goto(link ?? "");
  await invited.getByLabel("Password").fill(PASSWORD);
  await invited.getByRole("button", { name: "Set password" }).click();
  await expect(invited.getByRole("status")).toContainText("password is set");
  await invited.getByRole("link", { name: "Sign in" }).click();
  await signInWithForm(invited, {
    email: "invited@example.com",
    button: "Sign in",
  });

  // The link works once.
  await invited.goto(link ?? "");
  await invited.getByLabel("Password").fill("another password");
  await invited.getByRole("button", { name: "Set password" }).click();
  await expect(invited.getByRole("alert").first()).toContainText(
    "not valid any more",
  );
  await context.close();
  expect([...violations, ...invitedViolations]).toEqual([]);
});

test("Disable ends the user's session and refuses sign-in with a clear message", async ({
  page,
}) => {
  const user = await member("disabled@example.com");
  expect((await user.get("/api/conversations")).status()).toBe(200);

  await openUsersPage(page);
  await row(page, "disabled@example.com")
    .getByRole("button", { name: "Disable" })
    .click();
  await expect(row(page, "disabled@example.com")).toContainText("Disabled");

  const after = await user.get("/api/conversations");
  expect(after.status()).toBe(401);
  const again = await signIn(user, "disabled@example.com");
  expect(again.status()).toBe(403);
  expect((await again.json()).message).toContain("disabled");

  await row(page, "disabled@example.com")
    .getByRole("button", { name: "Enable" })
    .click();
  await expect(
    row(page, "disabled@example.com").getByRole("button", { name: "Disable" }),
  ).toBeVisible();
  const back = await client(app);
  expect((await signIn(back, "disabled@example.com")).status()).toBe(200);
  await Promise.all([user.dispose(), back.dispose()]);
});

test("Password link lets a user who forgot theirs choose another", async ({
  page,
  browser,
}) => {
  const user = await member("forgetful@example.com");
  await openUsersPage(page);
  await row(page, "forgetful@example.com")
    .getByRole("button", { name: "Password link" })
    .click();
  const link = await page.getByTestId("invite-link").textContent();
  expect(link).toMatch(/\/invite\/[\w-]+$/);

  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": "203.0.113.201" },
  });
  const forgetful = await context.newPage();
  await forgetful.goto(link ?? "");
  await forgetful.getByLabel("Password").fill("a brand new password");
  await forgetful.getByRole("button", { name: "Set password" }).click();
  await expect(forgetful.getByRole("status")).toContainText("password is set");
  await context.close();

  // The old sessions end; the new password works, the old one not.
  expect((await user.get("/api/conversations")).status()).toBe(401);
  const fresh = await client(app);
  expect((await signIn(fresh, "forgetful@example.com")).status()).toBe(401);
  expect(
    (
      await signIn(fresh, "forgetful@example.com", "a brand new password")
    ).status(),
  ).toBe(200);
  await Promise.all([user.dispose(), fresh.dispose()]);
});

test("Delete removes the account and its data", async ({ page }) => {
  const user = await member("deleted@example.com");
  const conversationId = randomUUID();
  const imported = await user.post("/api/import", {
    data: exportFileOf({
      id: conversationId,
      title: "Soon gone",
      messages: [
        {
          id: `gone-${conversationId}`,
          parentId: null,
          role: "user",
          text: "Remember this",
        },
      ],
    }),
  });
  expect(imported.status()).toBe(200);

  await openUsersPage(page);
  const target = row(page, "deleted@example.com");
  await target.getByRole("button", { name: "Delete" }).click();
  await target.getByRole("button", { name: "Confirm delete" }).click();
  await expect(target).toHaveCount(0);

  expect((await user.get("/api/conversations")).status()).toBe(401);
  expect((await signIn(user, "deleted@example.com")).status()).toBe(401);
  const db = new Database(databaseFile(app.databaseUrl));
  try {
    const count = (table: string, column: string, value: string) =>
      (
        db
          .prepare(`SELECT count(*) AS n FROM "${table}" WHERE "${column}" = ?`)
          .get(value) as { n: number }
      ).n;
    expect(count("Conversation", "id", conversationId)).toBe(0);
    expect(count("Message", "conversationId", conversationId)).toBe(0);
    expect(count("user", "email", "deleted@example.com")).toBe(0);
  } finally {
    db.close();
  }
  await user.dispose();
});

test("the administrator can neither disable nor delete their own account", async ({
  page,
}) => {
  await openUsersPage(page);
  const own = row(page, "admin@example.com");
  await expect(own).toContainText("(you)");
  // Only their own caps can be changed there.
  await expect(own.getByRole("button")).toHaveText(["Save caps"]);

  const users = await (await admin.get("/api/admin/users")).json();
  const self = users.users.find(
    (user: { email: string }) => user.email === "admin@example.com",
  );
  const disable = await admin.patch(`/api/admin/users/${self.id}`, {
    data: { disabled: true },
  });
  expect(disable.status()).toBe(400);
  expect((await disable.json()).error.code).toBe("bad_request:user");
  const remove = await admin.delete(`/api/admin/users/${self.id}`);
  expect(remove.status()).toBe(400);
  expect((await admin.get("/api/conversations")).status()).toBe(200);
});
