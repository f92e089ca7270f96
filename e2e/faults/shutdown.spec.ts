// SIGTERM while a reply streams: the instance stops taking requests, lets
// the reply finish within the grace period, and saves what is left of a
// longer one as interrupted before it exits.

import { readMessages, storedText } from "../api/helpers";
import { expect, test } from "../support/fixtures";
import { appUrl, FAULT_PORTS, type FaultApp, startFaultApp } from "./support";

const port = FAULT_PORTS.shutdown;
const name = "shutdown";
let app: FaultApp | undefined;

test.use({ baseURL: appUrl(port) });
test.describe.configure({ mode: "serial" });

test.afterAll(async () => {
  await app?.stop("SIGKILL");
});

function exitOf(server: FaultApp): Promise<number | null> {
  return new Promise((resolve) => {
    if (server.process.exitCode !== null) resolve(server.process.exitCode);
    else server.process.once("exit", (code) => resolve(code));
  });
}

const words = (count: number) =>
  Array.from({ length: count }, (_, index) => `w${index}`).join(" ");

test("a reply in flight finishes; new requests are refused meanwhile", async ({
  chat,
  fake,
  request,
  uniquePrompt,
}) => {
  test.setTimeout(90_000);
  app = await startFaultApp({
    port,
    name,
    env: { SHUTDOWN_GRACE_SECONDS: "30" },
  });
  const prompt = uniquePrompt("Finish your sentence");
  await fake.script(prompt, {
    kind: "stream",
    text: words(30),
    tokenDelayMs: 100,
  });
  await chat.open();
  await chat.send(prompt);
  await expect(chat.lastAssistant()).toContainText("w2");
  const conversationId = chat.conversationId();

  const draining = app;
  const exited = exitOf(draining);
  draining.process.kill("SIGTERM");

  await expect
    .poll(async () => (await request.get("/api/health")).status())
    .toBe(503);
  const refused = await request.get("/api/conversations");
  expect(refused.status()).toBe(503);
  expect((await refused.json()).error.code).toBe("unavailable:server");
  expect(refused.headers()["retry-after"]).toBe("5");

  // The reply keeps streaming into the open page to its last word.
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  await expect(chat.lastAssistant()).toContainText("w29");
  expect(await exited).toBe(0);
  expect(draining.output()).toContain('"msg":"shutting down"');

  const rows = readMessages(conversationId, draining.databaseUrl);
  expect(rows.map((row) => row.status)).toEqual(["complete", "complete"]);
  expect(storedText(rows[1])).toBe(words(30));
});

test("past the grace period the rest is saved as interrupted", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  test.setTimeout(90_000);
  app = await startFaultApp({
    port,
    name,
    env: { SHUTDOWN_GRACE_SECONDS: "1" },
  });
  const prompt = uniquePrompt("Tell a very long story");
  await fake.script(prompt, {
    kind: "stream",
    text: words(200),
    tokenDelayMs: 100,
  });
  await chat.open();
  await chat.send(prompt);
  await expect(chat.lastAssistant()).toContainText("w3");
  const conversationId = chat.conversationId();

  const draining = app;
  const exited = exitOf(draining);
  const signalled = Date.now();
  draining.process.kill("SIGTERM");
  expect(await exited).toBe(0);
  // One second of grace, then the save: well before the story's 20 s.
  expect(Date.now() - signalled).toBeLessThan(10_000);
  expect(draining.output()).toContain(
    '"msg":"replies interrupted by shutdown"',
  );

  const rows = readMessages(conversationId, draining.databaseUrl);
  expect(rows.map((row) => row.status)).toEqual(["complete", "interrupted"]);
  const saved = storedText(rows[1]);
  expect(saved).toMatch(/^w0 w1 w2 w3/);
  expect(saved.length).toBeLessThan(words(200).length);

  // A restarted instance shows the reply as it was cut.
  app = await startFaultApp({ port, name, fresh: false });
  await page.reload();
  const reply = chat.lastAssistant();
  await expect(reply).toHaveAttribute("data-status", "interrupted");
  await expect(reply).toContainText(saved.split(" ").at(-1) ?? "w3");
});
