import type { APICallError, ModelMessage } from "ai";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FakeOpenRouterClient } from "./client";
import { type FakeOpenRouterServer, startFakeOpenRouter } from "./server";
import { postChat, readSse, streamFromFake } from "./test-support";

const DEEPSEEK = "deepseek/deepseek-v4-flash";

let fake: FakeOpenRouterServer;
beforeAll(async () => {
  fake = await startFakeOpenRouter();
});
afterAll(() => fake.close());

const user = (content: string) => ({ role: "user", content });

describe("endpoints", () => {
  it("answers /health and serves a baseURL under /api/v1", async () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.baseURL).toBe(`${fake.url}/api/v1`);
    const response = await fetch(`${fake.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("rejects a wrong key with OpenRouter's 401", async () => {
    const body = { model: "openai/gpt-4o", messages: [user("bad key")] };
    const response = await postChat(fake, body, "sk-or-wrong");
    expect(response.status).toBe(401);
    expect(await response.text()).toBe(
      '{"error":{"message":"User not found.","code":401}}',
    );
    const seen = await streamFromFake(
      { baseURL: fake.baseURL, apiKey: "sk-or-wrong" },
      { model: "openai/gpt-4o", prompt: "bad key via provider" },
    );
    expect((seen.errors[0] as APICallError).statusCode).toBe(401);
    expect((seen.errors[0] as APICallError).message).toBe("User not found.");
  });

  it("lists the recorded models plus DeepSeek V4 Flash", async () => {
    const response = await fetch(`${fake.baseURL}/models`);
    const { data } = await response.json();
    expect(data.map((model: { id: string }) => model.id)).toEqual([
      DEEPSEEK,
      "anthropic/claude-sonnet-4",
      "openai/gpt-4.1-mini",
      "openai/gpt-4o",
      "openai/gpt-3.5-turbo",
    ]);
    expect(data[0]).toMatchObject({
      name: "DeepSeek: DeepSeek V4 Flash",
      context_length: 1048576,
      pricing: { prompt: "0.0000001", completion: "0.0000002" },
      reasoning: { mandatory: false, supported_efforts: expect.any(Array) },
    });
    expect(data[0].supported_parameters).toContain("include_reasoning");
    expect(data[0].supported_parameters).toHaveLength(17);
  });

  it("describes the key, and refuses a wrong one", async () => {
    const headers = { Authorization: `Bearer ${fake.apiKey}` };
    const ok = await fetch(`${fake.baseURL}/key`, { headers });
    expect(ok.status).toBe(200);
    expect((await ok.json()).data).toMatchObject({
      label: "sk-or-te...key",
      limit: null,
      is_free_tier: false,
      usage: 0,
    });
    const bad = await fetch(`${fake.baseURL}/key`, {
      headers: { Authorization: "Bearer nope" },
    });
    expect(bad.status).toBe(401);
  });
});

describe("recording", () => {
  it("records each chat request with the key redacted", async () => {
    fake.script("record me", { kind: "stream", text: "ok" });
    await streamFromFake(fake, { model: "openai/gpt-4o", prompt: "record me" });
    await postChat(fake, { messages: [user("record me too")] }, "sk-bad-0000");

    const [first, second] = fake.requests("record me", "all");
    expect(first).toMatchObject({
      method: "POST",
      path: "/api/v1/chat/completions",
      lastUserText: "record me",
      scenario: "record me",
      status: 200,
      aborted: false,
      body: { model: "openai/gpt-4o", stream: true },
    });
    expect(first?.headers.authorization).toBe("***-key");
    expect(JSON.stringify(first)).not.toContain(fake.apiKey);
    expect(first?.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(second?.headers.authorization).toBe("***0000");
    expect(second?.status).toBe(401);
  });

  it("records that the client went away from a stalled stream", async () => {
    fake.script("stall then stop", {
      kind: "stream",
      text: "never finished",
      stallAfter: { chunks: 2 },
    });
    const response = await postChat(fake, {
      stream: true,
      messages: [user("stall then stop")],
    });
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toMatch(/^: OPENROUTER/);
    await reader?.cancel();

    await vi.waitFor(() => {
      expect(fake.requests("stall then stop")[0]?.aborted).toBe(true);
    });
  });

  it("stops a paced stream when the provider call is aborted", async () => {
    fake.script("slow words", {
      kind: "stream",
      text: "word ".repeat(200),
      tokenDelayMs: 20,
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const seen = await streamFromFake(fake, {
      model: "openai/gpt-4o",
      prompt: "slow words",
      abortSignal: controller.signal,
    });

    expect(seen.text).toMatch(/^(word ?)+$/);
    expect(seen.text.length).toBeLessThan(100);
    expect(seen.finishReason).toBeUndefined();
    await vi.waitFor(() => {
      expect(fake.requests("slow words")[0]?.aborted).toBe(true);
    });
  });
});

describe("DeepSeek V4 reasoning_details (§6.3)", () => {
  const turn = (match: string, assistant: Record<string, unknown>) => ({
    model: DEEPSEEK,
    messages: [
      user(`${match} 1`),
      { role: "assistant", content: "Hello.", ...assistant },
      user(`${match} 2`),
    ],
  });

  it("sends reasoning_details [] on every delta and in metadata", async () => {
    const sse = await readSse(
      await postChat(fake, {
        model: DEEPSEEK,
        stream: true,
        messages: [user("deepseek plain")],
      }),
    );
    const deltas = sse.chunks.flatMap((c) => c.choices.map((x) => x.delta));
    expect(deltas.length).toBeGreaterThan(3);
    for (const delta of deltas) expect(delta.reasoning_details).toEqual([]);

    const seen = await streamFromFake(fake, {
      model: DEEPSEEK,
      prompt: "deepseek plain",
    });
    expect(seen.text).toBe("Echo: deepseek plain");
    expect(seen.openrouter?.reasoning_details).toEqual([]);
  });

  it("rejects an assistant turn without reasoning_details", async () => {
    const response = await postChat(fake, turn("strict", {}));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 400,
        message:
          "Missing reasoning_details on assistant message: DeepSeek " +
          "requires the reasoning_details it returned to be passed back " +
          "unchanged",
      },
    });
  });

  it("also checks assistant turns that only carry tool calls", async () => {
    const toolCalls = [
      {
        id: "call_1",
        type: "function",
        function: { name: "now", arguments: "{}" },
      },
    ];
    const body = turn("strict tools", { content: null, tool_calls: toolCalls });
    expect((await postChat(fake, body)).status).toBe(400);
  });

  it("accepts the echoed [] and non-DeepSeek models", async () => {
    const echoed = turn("echoed", { reasoning_details: [] });
    expect((await postChat(fake, echoed)).status).toBe(200);
    const other = { ...turn("other model", {}), model: "openai/gpt-4o" };
    expect((await postChat(fake, other)).status).toBe(200);
  });

  it("accepts [] from the provider, not its absence", async () => {
    const history = (echo: boolean): ModelMessage[] => [
      { role: "user", content: "provider turn 1" },
      {
        role: "assistant",
        content: "Hello.",
        ...(echo
          ? { providerOptions: { openrouter: { reasoning_details: [] } } }
          : {}),
      },
      { role: "user", content: "provider turn 2" },
    ];
    const rejected = await streamFromFake(fake, {
      model: DEEPSEEK,
      messages: history(false),
    });
    expect((rejected.errors[0] as APICallError).statusCode).toBe(400);
    const accepted = await streamFromFake(fake, {
      model: DEEPSEEK,
      messages: history(true),
    });
    expect(accepted.errors).toEqual([]);
    expect(accepted.text).toBe("Echo: provider turn 2");
  });

  it("can be switched off per scenario and globally", async () => {
    fake.register({
      match: "lenient",
      responses: [{ kind: "stream", text: "fine" }],
      deepseekStrict: false,
      answers: "all",
    });
    expect((await postChat(fake, turn("lenient", {}))).status).toBe(200);
    expect(fake.configure({ deepseekStrict: false }).deepseekStrict).toBe(
      false,
    );
    try {
      expect((await postChat(fake, turn("global off", {}))).status).toBe(200);
    } finally {
      fake.configure({ deepseekStrict: true });
    }
    expect((await postChat(fake, turn("global on", {}))).status).toBe(400);
  });
});

describe("scenarios and the HTTP control API", () => {
  it("consumes responses in order and repeats the last", async () => {
    fake.script(
      "in order",
      { kind: "stream", text: "first" },
      { kind: "stream", text: "second" },
    );
    const texts = [];
    for (let i = 0; i < 3; i++) {
      const seen = await streamFromFake(fake, {
        model: "openai/gpt-4o",
        prompt: `please answer in order (${i})`,
      });
      texts.push(seen.text);
    }
    expect(texts).toEqual(["first", "second", "second"]);
  });

  it("scripts, lists and resets through FakeOpenRouterClient", async () => {
    const other = await startFakeOpenRouter();
    try {
      const client = new FakeOpenRouterClient(`${other.url}/`);
      await client.script("over http", { kind: "stream", text: "remote" });
      const seen = await streamFromFake(other, {
        model: "openai/gpt-4o",
        prompt: "over http",
      });
      expect(seen.text).toBe("remote");
      const recorded = await client.requests("over http");
      expect(recorded.map((request) => request.scenario)).toEqual([
        "over http",
      ]);
      expect(await client.requests("something else")).toEqual([]);
      expect(await client.configure({ deepseekStrict: false })).toEqual({
        deepseekStrict: false,
      });

      await client.reset();
      expect(await client.requests()).toEqual([]);
      const after = await streamFromFake(other, {
        model: "openai/gpt-4o",
        prompt: "over http",
      });
      expect(after.text).toBe("Echo: over http");
      await expect(
        client.script("bad", { kind: "fixture", file: "missing.sse" }),
      ).rejects.toThrow(/No fixture named missing\.sse/);
      await expect(
        client.script("typo", { kind: "stream", txt: "x" } as never),
      ).rejects.toThrow(/txt/);
    } finally {
      await other.close();
    }
  });
});

describe("side requests", () => {
  it("leaves non-streamed requests to scenarios that ask for them", async () => {
    fake.script("quoted question", { kind: "stream", text: "The turn." });
    fake.register({
      match: "Title for: quoted question",
      answers: "non-streams",
      responses: [{ kind: "stream", text: "A title" }],
    });
    const side = await postChat(fake, {
      messages: [user("Title for: quoted question")],
    });
    expect((await side.json()).choices[0].message.content).toBe("A title");
    const unscripted = await postChat(fake, {
      messages: [user("Summarise: quoted question")],
    });
    expect((await unscripted.json()).choices[0].message.content).toBe(
      "Echo: Summarise: quoted question",
    );
    expect(fake.requests("quoted question")).toEqual([]);
    expect(fake.requests("quoted question", "non-streams")).toHaveLength(2);
  });
});
