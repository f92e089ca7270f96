import { type AppServer, startApp } from "../support/app-server";
import { expect, test } from "../support/fixtures";
import { newTurn, sendMessage, settledMessages } from "./helpers";
import { SseReader, textOf } from "./sse";

// An instance of its own, so that its output can be read.
const PORT = 3111;
const DATABASE_URL = "file:./data/test/server-log.db";

let app: AppServer | undefined;
const output: string[] = [];

test.describe.configure({ mode: "serial", timeout: 60_000 });

test.beforeAll(async () => {
  test.setTimeout(60_000);
  app = await startApp({ port: PORT, databaseUrl: DATABASE_URL, fresh: true });
  for (const stream of [app.process.stdout, app.process.stderr]) {
    stream?.on("data", (chunk: Buffer) => output.push(String(chunk)));
  }
});

test.afterAll(async () => {
  await app?.stop();
});

/** The structured lines the server wrote about one conversation. */
function linesAbout(conversationId: string): Record<string, unknown>[] {
  return output
    .join("")
    .split("\n")
    .filter((line) => line.startsWith("{") && line.includes(conversationId))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test("a stop is logged once, without text and without an unhandled error", async ({
  fake,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Private words, count slowly.");
  await fake.script(prompt, {
    kind: "stream",
    text: "Secret alpha secret beta secret gamma",
    stallAfter: { chunks: 3 },
  });
  const turn = newTurn();

  const reader = new SseReader(
    await sendMessage(turn, prompt, { baseUrl: app?.url }),
  );
  await reader.until((chunks) => textOf(chunks).includes("alpha"));
  const stop = await fetch(`${app?.url}/api/chat/${turn.conversationId}/stop`, {
    method: "POST",
  });
  expect(await stop.json()).toEqual({ stopped: 1 });
  await reader.rest();
  await settledMessages(turn.conversationId, DATABASE_URL);

  await expect
    .poll(() => linesAbout(turn.conversationId).map((line) => line.msg))
    .toEqual(["chat reply"]);
  expect(linesAbout(turn.conversationId)[0]).toMatchObject({
    level: "info",
    status: "stopped",
    model: "deepseek/deepseek-v4-flash",
  });
  const everything = output.join("");
  expect(everything).not.toContain(prompt);
  expect(everything).not.toContain("Secret alpha");
  const unhandled = everything
    .split("\n")
    .filter((line) => /unhandled/i.test(line));
  expect(unhandled).toEqual([]);
});
