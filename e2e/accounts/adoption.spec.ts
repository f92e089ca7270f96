// Conversations and default settings saved by a Parley from before
// accounts have no owner. They are not lost: the first account (the
// administrator) adopts them, and so does single-user mode's local user.

import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { databaseFile } from "../api/helpers";
import {
  type AppServer,
  prepareDatabase,
  startApp,
} from "../support/app-server";
import { expect, test } from "../support/fixtures";
import { freePort } from "../support/ports";
import { client, exportFileOf, removeDatabase, signUp } from "./support";

let app: AppServer | undefined;
let databaseUrl: string | undefined;

test.afterEach(async () => {
  await app?.stop();
  app = undefined;
  if (databaseUrl) removeDatabase(databaseUrl);
});

/** A migrated database holding rows as an earlier version left them. */
async function legacyDatabase(name: string) {
  const port = await freePort();
  databaseUrl = `file:./data/test/adoption-${name}-${port}.db`;
  prepareDatabase({ port, databaseUrl, fresh: true });
  const id = randomUUID();
  const db = new Database(databaseFile(databaseUrl));
  try {
    const at = new Date().toISOString().replace("Z", "+00:00");
    db.prepare(
      `INSERT INTO "Conversation" ("id", "title", "model", "createdAt",
         "updatedAt") VALUES (?, 'From before accounts', 'openai/gpt-old', ?, ?)`,
    ).run(id, at, at);
    db.prepare(
      `INSERT INTO "AppSettings" ("id", "model", "settings", "updatedAt")
       VALUES ('default', 'openai/gpt-old', '{"params":{}}', ?)`,
    ).run(at);
  } finally {
    db.close();
  }
  return { port, databaseUrl, id };
}

test("the first account adopts what existed before accounts", async () => {
  const legacy = await legacyDatabase("accounts");
  app = await startApp({
    port: legacy.port,
    databaseUrl: legacy.databaseUrl,
    env: { PARLEY_ACCOUNTS: "on" },
  });
  const admin = await client(app);
  expect((await signUp(admin, "admin@example.com")).status()).toBe(200);
  const list = await (await admin.get("/api/conversations")).json();
  expect(list.conversations.map((item: { id: string }) => item.id)).toEqual([
    legacy.id,
  ]);
  expect((await (await admin.get("/api/settings")).json()).model).toBe(
    "openai/gpt-old",
  );
  await admin.dispose();
});

test("single-user mode's local user adopts them too", async () => {
  const legacy = await legacyDatabase("single");
  app = await startApp({
    port: legacy.port,
    databaseUrl: legacy.databaseUrl,
  });
  const local = await client(app);
  const list = await (await local.get("/api/conversations")).json();
  expect(list.conversations.map((item: { id: string }) => item.id)).toEqual([
    legacy.id,
  ]);
  expect((await (await local.get("/api/settings")).json()).model).toBe(
    "openai/gpt-old",
  );
  await local.dispose();
});

test("accounts turned on after single-user mode: the first account takes over", async ({
  page,
}) => {
  const legacy = await legacyDatabase("switch");
  app = await startApp({ port: legacy.port, databaseUrl: legacy.databaseUrl });
  const local = await client(app);
  const made = randomUUID();
  const imported = await local.post("/api/import", {
    data: exportFileOf({ id: made, title: "Made in single-user mode" }),
  });
  expect(imported.status()).toBe(200);
  await local.dispose();
  await app.stop();

  app = await startApp({
    port: legacy.port,
    databaseUrl: legacy.databaseUrl,
    env: { PARLEY_ACCOUNTS: "on" },
  });
  // The local user is no account: this is still a first start.
  await page.goto(`${app.url}/sign-in`);
  await expect(page.getByRole("button")).toHaveCount(1);
  await expect(
    page.getByRole("button", { name: "Create account" }),
  ).toBeVisible();
  const admin = await client(app);
  expect((await signUp(admin, "admin@example.com")).status()).toBe(200);
  const list = await (await admin.get("/api/conversations")).json();
  expect(
    list.conversations.map((item: { id: string }) => item.id).sort(),
  ).toEqual([legacy.id, made].sort());
  const users = await (await admin.get("/api/admin/users")).json();
  expect(users.users.map((user: { email: string }) => user.email)).toEqual([
    "admin@example.com",
  ]);
  await admin.dispose();
});
