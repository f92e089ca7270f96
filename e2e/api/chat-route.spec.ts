import type { FakeOpenRouterClient } from "../fake-openrouter/client";
import { APP_URL, TEST_API_KEY } from "../support/config";
import { expect, test } from "../support/fixtures";
import {
  newTurn,
  readMessages,
  regenerate,
  sendMessage,
  settledMessages,
  storedText,
  type Turn,
  type UpstreamBody,
} from "./helpers";
import { type Chunk, metadataOf, parseSse, SseReader, textOf } from "./sse";

const DEFAULT_MODEL = "deepseek/deepseek-v4-flash";

/** Sends one message and reads the whole streamed reply. */
async function converse(turn: Turn, prompt: string): Promise<Chunk[]> {
  const response = await sendMessage(turn, prompt);
  expect(response.status).toBe(200);
  const { chunks, done } = parseSse(await response.text());
  expect(done).toBe(true);
  return chunks;
}

function finishMetadata(chunks: Chunk[]) {
  const finish = chunks.find((chunk) => chunk.type === "finish");
  return finish?.type === "finish" ? finish.messageMetadata : undefined;
}

/** The messages of the one upstream request made for `prompt`. */
async function upstreamMessages(
  fake: FakeOpenRouterClient,
  prompt: string,
): Promise<UpstreamBody["messages"]> {
  const [request, ...others] = await fake.requests(prompt);
  expect(others).toEqual([]);
  return (request?.body as UpstreamBody | undefined)?.messages ?? [];
}

test("a reply streams; usage and cost reach the browser and the database", async ({
  fake,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Which river is the longest?");
  const text = "The Nile is usually named the longest river on Earth.";
  await fake.script(prompt, {
    kind: "stream",
    text,
    tokenDelayMs: 5,
    usage: {
      promptTokens: 120,
      completionTokens: 45,
      reasoningTokens: 7,
      cachedTokens: 30,
      cost: 0.000321,
    },
  });
  const turn = newTurn();

  const response = await sendMessage(turn, prompt);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const body = await response.text();
  const { chunks, done } = parseSse(body);

  expect(done).toBe(true);
  const deltas = chunks.filter((chunk) => chunk.type === "text-delta");
  expect(deltas.length).toBe(text.split(" ").length);
  expect(textOf(chunks)).toBe(text);
  const usage = { prompt: 120, completion: 45, reasoning: 7, cached: 30 };
  expect(finishMetadata(chunks)).toEqual({
    status: "complete",
    model: DEFAULT_MODEL,
    finishReason: "stop",
    usage,
    cost: 0.000321,
  });
  expect(body).not.toContain(TEST_API_KEY);

  const [user, assistant, ...others] = await settledMessages(
    turn.conversationId,
  );
  expect(others).toEqual([]);
  expect(user).toMatchObject({
    id: turn.messageId,
    parentId: null,
    role: "user",
    status: "complete",
    parts: [{ type: "text", text: prompt }],
  });
  const start = chunks.find((chunk) => chunk.type === "start");
  expect(assistant).toMatchObject({
    id: start?.type === "start" ? start.messageId : "no start chunk",
    parentId: turn.messageId,
    role: "assistant",
    status: "complete",
    model: DEFAULT_MODEL,
    finishReason: "stop",
    error: null,
    promptTokens: 120,
    completionTokens: 45,
    reasoningTokens: 7,
    cachedTokens: 30,
    cost: 0.000321,
  });
  expect(storedText(assistant)).toBe(text);
});

test("a turn sends OpenRouter the history, the message and attribution", async ({
  fake,
  uniquePrompt,
}) => {
  const first = uniquePrompt("Name a river in France.");
  const second = uniquePrompt("And one in Spain?");
  await fake.script(first, { kind: "stream", text: "The Loire." });
  await fake.script(second, { kind: "stream", text: "The Ebro." });
  const turn = newTurn();

  await converse(turn, first);
  await settledMessages(turn.conversationId);
  // The browser sends only the new message; the server adds the rest.
  const chunks = await converse(newTurn(turn.conversationId), second);
  expect(textOf(chunks)).toBe("The Ebro.");

  const [request] = await fake.requests(second);
  const body = request?.body as UpstreamBody;
  expect(body.model).toBe(DEFAULT_MODEL);
  expect(body.stream).toBe(true);
  expect(body.messages.map(({ role, content }) => ({ role, content }))).toEqual(
    [
      { role: "user", content: first },
      { role: "assistant", content: "The Loire." },
      { role: "user", content: second },
    ],
  );
  expect(request?.headers["http-referer"]).toBe(APP_URL);
  expect(request?.headers["x-title"]).toBe("Parley");
  // The fake keeps only the key's last four characters.
  expect(request?.headers.authorization).toBe(`***${TEST_API_KEY.slice(-4)}`);
});

test("the user's message is saved first, and Stop keeps the partial text", async ({
  fake,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Count slowly.");
  // Chunk 1 is the opening delta; two words, then silence.
  await fake.script(prompt, {
    kind: "stream",
    text: "Alpha beta gamma delta",
    stallAfter: { chunks: 3 },
  });
  const turn = newTurn();

  const reader = new SseReader(await sendMessage(turn, prompt));
  await reader.until((chunks) => textOf(chunks) === "Alpha beta");

  const [user, assistant] = readMessages(turn.conversationId);
  expect(user).toMatchObject({
    id: turn.messageId,
    role: "user",
    status: "complete",
    parts: [{ type: "text", text: prompt }],
  });
  // The reply's row exists from the start and is written once, at the end.
  expect(assistant).toMatchObject({ status: "streaming", parts: [] });

  const stop = await fetch(`${APP_URL}/api/chat/${turn.conversationId}/stop`, {
    method: "POST",
  });
  expect(stop.status).toBe(200);
  expect(await stop.json()).toEqual({ stopped: 1 });

  const chunks = await reader.rest();
  expect(reader.done).toBe(true);
  expect(chunks.map((chunk) => chunk.type)).toContain("abort");
  expect(metadataOf(chunks).status).toBe("stopped");

  const [, stopped] = await settledMessages(turn.conversationId);
  expect(stopped).toMatchObject({ status: "stopped", error: null });
  expect(storedText(stopped)).toBe("Alpha beta");
  // The upstream call is cancelled too, so no more tokens are paid for.
  await expect
    .poll(async () => (await fake.requests(prompt))[0]?.aborted)
    .toBe(true);

  const again = await fetch(`${APP_URL}/api/chat/${turn.conversationId}/stop`, {
    method: "POST",
  });
  expect(await again.json()).toEqual({ stopped: 0 });
});

test("closing the connection mid-reply does not stop the generation", async ({
  fake,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Tell me a long story.");
  const words = Array.from({ length: 30 }, (_, index) => `part${index}`);
  const text = words.join(" ");
  await fake.script(prompt, { kind: "stream", text, tokenDelayMs: 60 });
  const turn = newTurn();
  const controller = new AbortController();

  const reader = new SseReader(
    await sendMessage(turn, prompt, { signal: controller.signal }),
  );
  await reader.until((chunks) => textOf(chunks).length > 0);
  controller.abort();
  expect(readMessages(turn.conversationId)[1]?.status).toBe("streaming");

  const [, assistant] = await settledMessages(turn.conversationId);
  expect(assistant?.status).toBe("complete");
  expect(storedText(assistant)).toBe(text);
  expect(assistant?.completionTokens).toBe(words.length);
  const [upstream] = await fake.requests(prompt);
  expect(upstream?.aborted).toBe(false);
});

test("retry adds a sibling reply, and the page shows the newer one", async ({
  fake,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Suggest a name for a cat.");
  await fake.script(
    prompt,
    { kind: "stream", text: "Call it Pepper." },
    { kind: "stream", text: "Call it Biscuit." },
  );
  const turn = newTurn();
  await converse(turn, prompt);
  await settledMessages(turn.conversationId);

  const response = await regenerate(turn.conversationId, turn.messageId);
  expect(response.status).toBe(200);
  const { chunks } = parseSse(await response.text());
  expect(textOf(chunks)).toBe("Call it Biscuit.");

  const [user, older, newer, ...others] = await settledMessages(
    turn.conversationId,
  );
  expect(others).toEqual([]);
  expect(user?.id).toBe(turn.messageId);
  expect(older).toMatchObject({ parentId: turn.messageId, status: "complete" });
  expect(newer).toMatchObject({ parentId: turn.messageId, status: "complete" });
  expect(newer?.id).not.toBe(older?.id);
  expect(storedText(older)).toBe("Call it Pepper.");
  expect(storedText(newer)).toBe("Call it Biscuit.");
  // The retry answers the question again without the reply it replaces.
  const retried = (await fake.requests(prompt))[1]?.body as UpstreamBody;
  expect(retried.messages).toEqual([{ role: "user", content: prompt }]);

  const page = await fetch(`${APP_URL}/c/${turn.conversationId}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("Call it Biscuit.");
  expect(html).not.toContain("Call it Pepper.");
});

test.describe("reasoning_details go back to OpenRouter on the next turn", () => {
  test("text reasoning, with its signature", async ({ fake, uniquePrompt }) => {
    const first = uniquePrompt("Why do rivers meander?");
    const second = uniquePrompt("Shorter, please.");
    const reasoning = "Erosion is faster on the outer bank of a bend.";
    await fake.script(first, {
      kind: "stream",
      reasoning,
      text: "Because outer banks erode faster.",
    });
    await fake.script(second, { kind: "stream", text: "Erosion." });
    const turn = newTurn();

    const chunks = await converse(turn, first);
    const deltas = chunks.map((chunk) =>
      chunk.type === "reasoning-delta" ? chunk.delta : "",
    );
    expect(deltas.join("")).toBe(reasoning);
    const end = chunks.find((chunk) => chunk.type === "reasoning-end");
    const streamed = end?.providerMetadata?.openrouter?.reasoning_details as
      | { signature?: string }[]
      | undefined;
    const signature = streamed?.[0]?.signature;
    expect(signature).toMatch(/^Fake[A-Za-z0-9]{60}==$/);
    await settledMessages(turn.conversationId);

    const next = await converse(newTurn(turn.conversationId), second);
    expect(metadataOf(next).status).toBe("complete");
    const [, assistant] = await upstreamMessages(fake, second);
    expect(assistant?.role).toBe("assistant");
    expect(assistant?.reasoning_details).toEqual([
      {
        type: "reasoning.text",
        text: reasoning,
        signature,
        format: "anthropic-claude-v1",
        index: 0,
      },
    ]);
  });

  test("encrypted-only reasoning, with its data and id", async ({
    fake,
    uniquePrompt,
  }) => {
    const first = uniquePrompt("Plan a three-day trip.");
    const second = uniquePrompt("Make it two days.");
    const data = "gAAAAABopaque-encrypted-reasoning-blob==";
    await fake.script(first, {
      kind: "stream",
      model: "openai/o3",
      encryptedReasoning: data,
      text: "Day one: the old town.",
    });
    await fake.script(second, { kind: "stream", text: "Day one and two." });
    const turn = newTurn();

    const chunks = await converse(turn, first);
    // Nothing of it is visible: it exists only in the finish metadata.
    expect(chunks.map((chunk) => chunk.type)).not.toContain("reasoning-start");
    const [, reply] = await settledMessages(turn.conversationId);
    expect(reply?.model).toBe("openai/o3");
    const stored = reply?.providerMetadata?.steps[0]?.reasoningDetails?.[0] as
      | { id?: string }
      | undefined;
    expect(stored?.id).toMatch(/^rs_[a-z0-9]{40}$/);

    await converse(newTurn(turn.conversationId), second);
    const [, assistant] = await upstreamMessages(fake, second);
    expect(assistant?.reasoning_details).toEqual([
      {
        type: "reasoning.encrypted",
        data,
        id: stored?.id,
        format: "openai-responses-v1",
        index: 0,
      },
    ]);
  });

  test("DeepSeek's empty list, as an explicit []", async ({
    fake,
    uniquePrompt,
  }) => {
    const first = uniquePrompt("Say hello.");
    const second = uniquePrompt("Say it again.");
    await fake.script(first, { kind: "stream", text: "Hello." });
    await fake.script(second, { kind: "stream", text: "Hello again." });
    const turn = newTurn();

    await converse(turn, first);
    await settledMessages(turn.conversationId);
    // The fake answers 400 to a DeepSeek V4 history without the list.
    const next = await converse(newTurn(turn.conversationId), second);
    expect(metadataOf(next).status).toBe("complete");
    expect(textOf(next)).toBe("Hello again.");

    const [, assistant] = await upstreamMessages(fake, second);
    expect(assistant).toMatchObject({ role: "assistant", content: "Hello." });
    expect(assistant?.reasoning_details).toEqual([]);
  });
});

test("a tool loop is stored with input and output, and replayed next turn", async ({
  fake,
  uniquePrompt,
}) => {
  const first = uniquePrompt("What time is it in Paris?");
  const second = uniquePrompt("And in Tokyo?");
  await fake.script(
    first,
    {
      kind: "stream",
      toolCalls: [
        { name: "current_time", arguments: { timeZone: "Europe/Paris" } },
      ],
    },
    { kind: "stream", text: "It is evening in Paris." },
  );
  await fake.script(second, { kind: "stream", text: "It is morning." });
  const turn = newTurn();

  const chunks = await converse(turn, first);
  expect(metadataOf(chunks)).toMatchObject({ status: "complete" });
  expect(textOf(chunks)).toBe("It is evening in Paris.");
  expect(await fake.requests(first)).toHaveLength(2);

  const [, reply] = await settledMessages(turn.conversationId);
  expect(reply?.status).toBe("complete");
  const tool = reply?.parts.find((part) => part.type === "tool-current_time");
  expect(tool).toMatchObject({
    state: "output-available",
    input: { timeZone: "Europe/Paris" },
    output: {
      timeZone: "Europe/Paris",
      iso: expect.any(String),
      local: expect.any(String),
    },
  });
  expect(storedText(reply)).toBe("It is evening in Paris.");

  await converse(newTurn(turn.conversationId), second);
  const messages = await upstreamMessages(fake, second);
  const callId = (tool as { toolCallId?: string } | undefined)?.toolCallId;
  expect(messages).toMatchObject([
    { role: "user", content: first },
    {
      role: "assistant",
      tool_calls: [
        {
          id: callId,
          type: "function",
          function: {
            name: "current_time",
            arguments: JSON.stringify({ timeZone: "Europe/Paris" }),
          },
        },
      ],
      reasoning_details: [],
    },
    {
      role: "tool",
      tool_call_id: callId,
      content: expect.stringContaining('"timeZone":"Europe/Paris"'),
    },
    {
      role: "assistant",
      content: "It is evening in Paris.",
      reasoning_details: [],
    },
    { role: "user", content: second },
  ]);
});
