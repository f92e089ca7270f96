// Accounts on PostgreSQL: better-auth's Prisma adapter on the PostgreSQL
// client, ownership checked by the PostgreSQL search too.

import { randomUUID } from "node:crypto";
import {
  dropSchema,
  freshSchemaUrl,
  postgresqlSkipReason,
} from "../postgres/database";
import { type AppServer, startApp } from "../support/app-server";
import { expect, test } from "../support/fixtures";
import { freePort } from "../support/ports";
import { client, createMember, exportFileOf, signUp } from "./support";

const databaseUrl = freshSchemaUrl("accounts");
let app: AppServer | undefined;

test.beforeAll(async () => {
  const reason = await postgresqlSkipReason();
  test.skip(reason !== undefined, reason);
  app = await startApp({
    port: await freePort(),
    databaseUrl,
    env: { PARLEY_ACCOUNTS: "on" },
  });
});

test.afterAll(async () => {
  await app?.stop();
  if (app) await dropSchema(databaseUrl);
});

test("two accounts on PostgreSQL see only their own conversations", async () => {
  if (!app) throw new Error("no app");
  const owner = await client(app);
  const other = await client(app);
  expect((await signUp(owner, "owner@example.com")).status()).toBe(200);
  await createMember(owner, other, "other@example.com");

  const id = randomUUID();
  const word = `pgword${randomUUID().slice(0, 8)}`;
  const imported = await owner.post("/api/import", {
    data: exportFileOf({ id, title: `About ${word}` }),
  });
  expect(imported.status(), await imported.text()).toBe(200);

  const found = await (await owner.get(`/api/search?q=${word}`)).json();
  expect(
    found.results.map(
      (result: { conversationId: string }) => result.conversationId,
    ),
  ).toEqual([id]);
  const hidden = await (await other.get(`/api/search?q=${word}`)).json();
  expect(hidden.results).toEqual([]);
  const branch = await other.get(`/api/conversations/${id}/branch`);
  expect(branch.status()).toBe(404);
  expect((await owner.get(`/api/conversations/${id}/branch`)).status()).toBe(
    200,
  );
  await Promise.all([owner.dispose(), other.dispose()]);
});
