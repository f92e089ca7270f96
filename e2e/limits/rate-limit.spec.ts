// Chat rate limits as people and operators meet them: two instances behind
// one address share one Redis, each client address gets two messages at
// once and then one a minute, and a refusal says in plain words when to
// send again. The instances trust one proxy hop, so each test is its own
// client through X-Forwarded-For; the address a client writes in front of
// the proxy's entry is not taken.

import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { databaseFile } from "../api/helpers";
import { type AppServer, startApp } from "../support/app-server";
import { ChatPage, expect, test } from "../support/fixtures";
import { freePort } from "../support/ports";
import { missingService, TEST_REDIS_URL } from "../support/services";

const runId = randomUUID().slice(0, 8);
const databaseUrl = `file:./data/test/rate-limit-${runId}.db`;
const limits = {
  RATE_LIMIT_CHAT_PER_MINUTE: "1",
  RATE_LIMIT_CHAT_BURST: "2",
  TRUST_PROXY_HOPS: "1",
};
type Instance = AppServer & { output: () => string };
const instances: Instance[] = [];

test.describe.configure({ mode: "serial" });

async function start(env: Record<string, string>): Promise<Instance> {
  const server = await startApp({
    port: await freePort(),
    databaseUrl,
    fresh: instances.length === 0,
    env: { ...limits, ...env },
  });
  const chunks: string[] = [];
  for (const stream of [server.process.stdout, server.process.stderr]) {
    stream?.on("data", (chunk: Buffer) => chunks.push(String(chunk)));
  }
  const instance = { ...server, output: () => chunks.join("") };
  instances.push(instance);
  return instance;
}

/** A made-up client address (TEST-NET-3), one per test. */
const clientAddress = () => `203.0.113.${Math.floor(Math.random() * 254) + 1}`;

/** `POST /api/chat` with a new message, as a client behind the proxy. */
async function chat(
  baseUrl: string,
  forwardedFor: string,
  text: string,
): Promise<{ response: Response; body: string }> {
  const response = await fetch(`${baseUrl}/api/chat`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Forwarded-For": forwardedFor,
    },
    body: JSON.stringify({
      trigger: "submit-message",
      id: randomUUID(),
      message: {
        id: randomUUID(),
        role: "user",
        parts: [{ type: "text", text }],
      },
    }),
  });
  return { response, body: await response.text() };
}

test.beforeAll(async () => {
  const reason = await missingService("Redis", TEST_REDIS_URL);
  test.skip(reason !== undefined, reason);
  // Parallel runs share the Redis: each keeps its budgets under its own
  // prefix.
  const shared = {
    REDIS_URL: TEST_REDIS_URL,
    RATE_LIMIT_REDIS_PREFIX: `parley:e2e-${runId}:rate:`,
  };
  await start(shared);
  await start(shared);
});

test.afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop("SIGKILL")));
  const file = databaseFile(databaseUrl);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) {
    rmSync(`${file}${suffix}`, { force: true });
  }
});

test("a refused message says when to send again and stays, with Retry", async ({
  page,
  fake,
  uniquePrompt,
}) => {
  const [first] = instances as [Instance];
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": clientAddress() });
  const chatPage = new ChatPage(page);
  await chatPage.open(`${first.url}/`);

  // Send until refused: two at once are allowed, then one a minute.
  let refusedPrompt: string | undefined;
  for (let sent = 1; sent <= 5 && !refusedPrompt; sent += 1) {
    const prompt = uniquePrompt(`Message ${sent}`);
    await fake.script(prompt, { kind: "stream", text: `Answer ${sent}.` });
    await chatPage.send(prompt);
    const answered = chatPage
      .lastAssistant()
      .filter({ hasText: `Answer ${sent}.` });
    await expect(answered.or(chatPage.alert)).toBeVisible();
    if (await chatPage.alert.isVisible()) refusedPrompt = prompt;
    else await expect(answered).toHaveAttribute("data-status", "complete");
  }
  expect(refusedPrompt, "never refused").toBeDefined();
  const prompt = refusedPrompt as string;

  const alert = chatPage.alert;
  await expect(alert).toHaveAttribute("data-error-code", "rate_limited:chat");
  await expect(alert).toContainText(
    "You are sending messages faster than this server allows.",
  );
  await expect(alert).toContainText(/You can send again in \d+ seconds?\./);
  // What was typed is still on screen, and Retry asks again (and is refused
  // again, without a second copy of the message).
  await expect(chatPage.userMessages().last()).toHaveText(prompt);
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(alert).toHaveAttribute("data-error-code", "rate_limited:chat");
  await expect(chatPage.userMessages().filter({ hasText: prompt })).toHaveCount(
    1,
  );
  // Nothing of the refused message went upstream.
  expect(await fake.requests(prompt)).toEqual([]);
});

test("the API answers 429 with Retry-After on both instances", async ({
  uniquePrompt,
}) => {
  const [first, second] = instances as [Instance, Instance];
  const address = clientAddress();

  let refused: Awaited<ReturnType<typeof chat>> | undefined;
  for (let sent = 1; sent <= 5 && !refused; sent += 1) {
    const result = await chat(first.url, address, uniquePrompt("API"));
    if (result.response.status === 429) refused = result;
    else expect(result.response.status).toBe(200);
  }
  if (!refused) throw new Error("never refused");
  const retryAfter = Number(refused.response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const body = JSON.parse(refused.body) as {
    error: { code: string; message: string; status: number };
  };
  expect(body.error).toMatchObject({ code: "rate_limited:chat", status: 429 });
  expect(body.error.message).toMatch(/You can send again in \d+ seconds?\./);

  // The other instance keeps the same budget, and an address the client
  // puts in front of the proxy's own entry does not buy a fresh one.
  for (const forwardedFor of [address, `10.1.2.3, ${address}`]) {
    const other = await chat(second.url, forwardedFor, uniquePrompt("API"));
    expect(other.response.status).toBe(429);
    expect(other.response.headers.get("retry-after")).toMatch(/^\d+$/);
  }
  // Another client is not held back by this one.
  const stranger = await chat(second.url, clientAddress(), uniquePrompt("API"));
  expect(stranger.response.status).toBe(200);

  // The operator sees the refusal in the request log.
  const refusal = first
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .find((line) => line.msg === "request" && line.status === 429);
  expect(refusal).toMatchObject({
    method: "POST",
    path: "/api/chat",
    code: "rate_limited:chat",
  });
});

test("with Redis unreachable chat goes on, and the log says limits are off", async ({
  uniquePrompt,
}) => {
  const downPort = await freePort();
  const instance = await start({
    REDIS_URL: `redis://127.0.0.1:${downPort}`,
    RATE_LIMIT_REDIS_PREFIX: `parley:e2e-${runId}:rate:`,
  });
  const address = clientAddress();
  for (let sent = 1; sent <= 3; sent += 1) {
    const result = await chat(instance.url, address, uniquePrompt("No Redis"));
    expect(result.response.status).toBe(200);
  }
  const warnings = instance
    .output()
    .split("\n")
    .filter((line) => line.includes("rate limits not enforced"));
  expect(warnings).toHaveLength(1);
});
