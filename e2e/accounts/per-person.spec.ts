// What is each person's own once accounts are on: their OpenRouter key
// (the server's is the fallback), their spend and its caps, their chat
// budget, and sign-in attempts limited per address and per account. The
// administrator sees everyone's spending.

import { randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { chatBody } from "../faults/hostile-corpus";
import { expect, test } from "../support/fixtures";
import {
  type AccountsApp,
  client,
  createMember,
  signInWithForm,
  signUp,
  startAccountsApp,
} from "./support";

test.describe.configure({ mode: "serial" });

let app: AccountsApp;
let admin: APIRequestContext;
let person: APIRequestContext;
let anonymous: APIRequestContext;

test.beforeAll(async () => {
  app = await startAccountsApp("person", { SPEND_CAP_DAILY_USD: "0.01" });
  [admin, person, anonymous] = await Promise.all([
    client(app),
    client(app),
    client(app),
  ]);
  expect((await signUp(admin, "admin@example.com")).status()).toBe(200);
  await createMember(admin, person, "person@example.com");
});

test.afterAll(async () => {
  await Promise.all([admin, person, anonymous].map((api) => api?.dispose()));
  await app?.stop();
});

async function expectCode(response: APIResponse, status: number, code: string) {
  expect(response.status(), await response.text()).toBe(status);
  expect((await response.json()).error.code).toBe(code);
}

/** One message in a new conversation; the body is read to the end. */
async function chat(api: APIRequestContext, text: string) {
  const response = await api.post("/api/chat", { data: chatBody(text) });
  await response.text();
  return response;
}

test("keys, spend and caps are each person's own; the administrator sees everyone's", async ({
  fake,
}) => {
  const key = await fake.issueKey();
  const stored = await admin.put("/api/openrouter-key", { data: { key } });
  expect(stored.status(), await stored.text()).toBe(200);
  const mine = await (await admin.get("/api/openrouter-key")).json();
  expect(mine.status.stored.lastFour).toBe(key.slice(-4));
  const theirs = await (await person.get("/api/openrouter-key")).json();
  expect(theirs.status).toEqual({
    stored: null,
    serverKey: true,
    serverKeyDenied: false,
  });

  const spend = async (prompt: string, cost: number) => {
    await fake.script(prompt, {
      kind: "stream",
      text: "Counted.",
      usage: { promptTokens: 100, completionTokens: 10, cost },
    });
    // No title, so that only the replies count.
    await fake.register({
      match: `First message:\n${prompt}`,
      answers: "non-streams",
      responses: [{ kind: "error", status: 502, message: "No title" }],
    });
  };
  const adminPrompt = `Admin spends ${randomUUID()}`;
  const personPrompt = `Person spends ${randomUUID()}`;
  await spend(adminPrompt, 0.012);
  await spend(personPrompt, 0.002);
  expect((await chat(admin, adminPrompt)).status()).toBe(200);
  expect((await chat(person, personPrompt)).status()).toBe(200);
  // Each reply went out with its sender's key.
  expect((await fake.requests(adminPrompt))[0]?.headers.authorization).toBe(
    `***${key.slice(-4)}`,
  );
  expect((await fake.requests(personPrompt))[0]?.headers.authorization).toBe(
    "***-key",
  );

  await expect
    .poll(async () => (await (await admin.get("/api/spend")).json()).report)
    .toMatchObject({ spent: { day: 0.012 }, caps: { day: 0.01 } });
  await expect
    .poll(async () => (await (await person.get("/api/spend")).json()).report)
    .toMatchObject({ spent: { day: 0.002 } });

  // The administrator reached their cap; the other person did not.
  const refused = await admin.post("/api/chat", {
    data: chatBody("Over my cap"),
  });
  await expectCode(refused, 402, "spend_cap:chat");
  const goOn = `Still under ${randomUUID()}`;
  await spend(goOn, 0.001);
  expect((await chat(person, goOn)).status()).toBe(200);

  const everyone = await (await admin.get("/api/admin/spend")).json();
  expect(everyone.report.spent.day).toBeCloseTo(0.015, 6);
  const people = Object.fromEntries(
    everyone.people.map((row: { email: string }) => [row.email, row]),
  );
  expect(people["admin@example.com"]).toMatchObject({ capped: true });
  expect(people["person@example.com"].day).toBeCloseTo(0.003, 6);
  expect(people["person@example.com"].capped).toBe(false);
  const page = await (await admin.get("/admin/users")).text();
  expect(page).toContain("Spending by person");

  await expectCode(await person.get("/api/admin/spend"), 403, "forbidden:auth");
});

test("anonymous clients reach none of it", async () => {
  const calls: ((api: APIRequestContext) => Promise<APIResponse>)[] = [
    (api) => api.get("/api/spend"),
    (api) => api.get("/api/admin/spend"),
    (api) => api.get("/api/openrouter-key"),
    (api) => api.put("/api/openrouter-key", { data: { key: "sk-or-v1-x1" } }),
    (api) => api.delete("/api/openrouter-key"),
    (api) => api.post("/api/openrouter-key/check"),
    (api) => api.get("/api/openrouter-key/oauth", { maxRedirects: 0 }),
    (api) =>
      api.get("/api/openrouter-key/oauth/callback?code=abc", {
        maxRedirects: 0,
      }),
  ];
  for (const call of calls) {
    await expectCode(await call(anonymous), 401, "unauthorized:auth");
  }
  // Removing one's key leaves the others' alone.
  expect((await person.delete("/api/openrouter-key")).status()).toBe(200);
  const mine = await (await admin.get("/api/openrouter-key")).json();
  expect(mine.status.stored).not.toBeNull();
});

test("the administrator can deny a person the server's key; their own still works", async ({
  fake,
}) => {
  const users = await (await admin.get("/api/admin/users")).json();
  const target = users.users.find(
    (row: { email: string }) => row.email === "person@example.com",
  );
  const deny = await admin.patch(`/api/admin/users/${target.id}`, {
    data: { serverKeyAllowed: false },
  });
  expect(deny.status(), await deny.text()).toBe(200);
  expect((await deny.json()).user.serverKeyAllowed).toBe(false);
  const status = await (await person.get("/api/openrouter-key")).json();
  expect(status.status).toEqual({
    stored: null,
    serverKey: false,
    serverKeyDenied: true,
  });

  const prompt = `Without a key ${randomUUID()}`;
  const refused = await person.post("/api/chat", { data: chatBody(prompt) });
  await expectCode(refused, 403, "forbidden:openrouter_key");
  expect(await fake.requests(prompt)).toHaveLength(0);

  const key = await fake.issueKey();
  expect(
    (await person.put("/api/openrouter-key", { data: { key } })).status(),
  ).toBe(200);
  const own = `With my own ${randomUUID()}`;
  await fake.script(own, { kind: "stream", text: "Yours." });
  expect((await chat(person, own)).status()).toBe(200);
  expect((await fake.requests(own))[0]?.headers.authorization).toBe(
    `***${key.slice(-4)}`,
  );

  // Only the administrator decides.
  await expectCode(
    await person.patch(`/api/admin/users/${target.id}`, {
      data: { serverKeyAllowed: true },
    }),
    403,
    "forbidden:auth",
  );
  const allow = await admin.patch(`/api/admin/users/${target.id}`, {
    data: { serverKeyAllowed: true },
  });
  expect((await allow.json()).user.serverKeyAllowed).toBe(true);
});

test("the administrator sets a person's own cap on the Users page; it holds for them only", async ({
  browser,
}) => {
  const context = await browser.newContext({
    baseURL: app.url,
    extraHTTPHeaders: { "x-forwarded-for": "198.51.100.251" },
  });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await signInWithForm(page, { email: "admin@example.com", button: "Sign in" });
  await page.goto("/admin/users");
  const caps = page.getByRole("form", {
    name: "Spending caps of person@example.com",
  });
  await caps.getByLabel("Daily cap $").fill("0.002");
  await caps.getByRole("button", { name: "Save caps" }).click();
  await expect
    .poll(async () => {
      const { users } = await (await admin.get("/api/admin/users")).json();
      return users.find(
        (row: { email: string }) => row.email === "person@example.com",
      )?.spendCaps;
    })
    .toEqual({ day: 0.002, month: null });

  // The person has spent 0.003 today: over their own cap, not the server's.
  const refused = await person.post("/api/chat", {
    data: chatBody("Over a cap of my own"),
  });
  await expectCode(refused, 402, "spend_cap:chat");
  expect((await refused.json()).error.message).toContain(
    "Today's spending cap of $0.002 is reached",
  );
  const theirs = await (await person.get("/api/spend")).json();
  expect(theirs.report.caps).toEqual({ day: 0.002 });
  const mine = await (await admin.get("/api/spend")).json();
  expect(mine.report.caps).toEqual({ day: 0.01 });

  // Emptied, the field gives them the server's cap again.
  await caps.getByLabel("Daily cap $").fill("");
  await caps.getByRole("button", { name: "Save caps" }).click();
  await expect
    .poll(
      async () => (await (await person.get("/api/spend")).json()).report.caps,
    )
    .toEqual({ day: 0.01 });
  await context.close();
});
