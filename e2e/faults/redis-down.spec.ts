// REDIS_URL set but nothing listening: replies still stream and are saved;
// only joining them from another tab or instance is lost meanwhile.

import { readMessages, storedText } from "../api/helpers";
import { expect, test } from "../support/fixtures";
import { appUrl, FAULT_PORTS, type FaultApp, startFaultApp } from "./support";

const port = FAULT_PORTS.redisDown;
let app: FaultApp | undefined;

test.use({ baseURL: appUrl(port) });

test.afterAll(async () => {
  await app?.stop("SIGKILL");
});

test("with Redis unreachable a reply still streams and is saved", async ({
  chat,
  fake,
  uniquePrompt,
}) => {
  app = await startFaultApp({
    port,
    name: "redis-down",
    env: { REDIS_URL: "redis://127.0.0.1:1" },
  });
  const prompt = uniquePrompt("Hello without Redis");
  await fake.script(prompt, { kind: "stream", text: "Still here." });
  await chat.open();
  await chat.send(prompt);
  await expect(chat.lastAssistant()).toHaveAttribute(
    "data-status",
    "complete",
    {
      timeout: 15_000,
    },
  );
  await expect(chat.lastAssistant()).toContainText("Still here.");
  const rows = readMessages(chat.conversationId(), app.databaseUrl);
  expect(storedText(rows[1])).toBe("Still here.");
  expect(app.output()).toContain('"msg":"reply not shared"');
});
