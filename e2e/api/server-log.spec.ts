import { expect, test } from "../support/fixtures";
import { ownInstance } from "../support/own-instance";
import { newTurn, sendMessage, settledMessages } from "./helpers";
import { SseReader, textOf } from "./sse";

// An instance of its own, so that its output can be read, on a free port
// (a fixed one collides with a second run of the suite).
const DATABASE_URL = "file:./data/test/server-log.db";

const output: string[] = [];

test.describe.configure({ mode: "serial", timeout: 60_000 });

const app = ownInstance({ databaseUrl: DATABASE_URL });

test.beforeAll(() => {
  const { stdout, stderr } = app().process;
  for (const stream of [stdout, stderr]) {
    stream?.on("data", (chunk: Buffer) => output.push(String(chunk)));
  }
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
    await sendMessage(turn, prompt, { baseUrl: app().url }),
  );
  await reader.until((chunks) => textOf(chunks).includes("alpha"));
  const stop = await fetch(
    `${app().url}/api/chat/${turn.conversationId}/stop`,
    {
      method: "POST",
    },
  );
  expect(await stop.json()).toEqual({ stopped: 1 });
  await reader.rest();
  await settledMessages(turn.conversationId, DATABASE_URL);

  // The stop request's own line names the conversation in its path.
  await expect
    .poll(() =>
      linesAbout(turn.conversationId)
        .map((line) => line.msg)
        .sort(),
    )
    .toEqual(["chat reply", "request"]);
  const reply = linesAbout(turn.conversationId).find(
    (line) => line.msg === "chat reply",
  );
  expect(reply).toMatchObject({
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

/** The structured lines that carry a request id. */
function linesOfRequest(requestId: string): Record<string, unknown>[] {
  return output
    .join("")
    .split("\n")
    .filter((line) => line.startsWith("{") && line.includes(requestId))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test("each API request is one line with its id; a reply adds tokens and cost", async ({
  fake,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Count my tokens");
  await fake.script(prompt, { kind: "stream", text: "Counted." });
  const turn = newTurn();
  const response = await sendMessage(turn, prompt, { baseUrl: app().url });
  const requestId = response.headers.get("x-request-id") ?? "";
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  await new SseReader(response).rest();
  await settledMessages(turn.conversationId, DATABASE_URL);

  await expect
    .poll(() =>
      linesOfRequest(requestId)
        .map((line) => line.msg)
        .sort(),
    )
    .toEqual(["chat reply", "request"]);
  const lines = linesOfRequest(requestId);
  expect(lines.find((line) => line.msg === "request")).toMatchObject({
    level: "info",
    method: "POST",
    path: "/api/chat",
    status: 200,
    durationMs: expect.any(Number),
  });
  // Single-user mode: the built-in local user is the one who asked.
  expect(lines.find((line) => line.msg === "request")?.userId).toBe("local");
  expect(lines.find((line) => line.msg === "chat reply")).toMatchObject({
    userId: "local",
    conversationId: turn.conversationId,
    model: "deepseek/deepseek-v4-flash",
    status: "complete",
    promptTokens: expect.any(Number),
    completionTokens: expect.any(Number),
    cost: expect.any(Number),
    durationMs: expect.any(Number),
  });

  // A refused request says why, by code; an id from a proxy in front is
  // kept so that its logs and Parley's line up.
  const refused = await fetch(`${app().url}/api/conversations?limit=0`, {
    headers: { "x-request-id": "edge-1234-abcd" },
  });
  expect(refused.status).toBe(400);
  expect(refused.headers.get("x-request-id")).toBe("edge-1234-abcd");
  await expect
    .poll(() => linesOfRequest("edge-1234-abcd")[0])
    .toMatchObject({ status: 400, code: "bad_request:api" });
  expect(output.join("")).not.toContain("Counted.");
});
