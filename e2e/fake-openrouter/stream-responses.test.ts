import { APICallError, type ModelMessage, tool } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type FakeOpenRouterServer, startFakeOpenRouter } from "./server";
import { postChat, readSse, streamFromFake } from "./test-support";

const MODEL = "anthropic/claude-sonnet-4";

let fake: FakeOpenRouterServer;
beforeAll(async () => {
  fake = await startFakeOpenRouter();
});
afterAll(() => fake.close());

const ask = (prompt: string) => streamFromFake(fake, { model: MODEL, prompt });
const stream = (prompt: string) =>
  postChat(fake, {
    model: MODEL,
    stream: true,
    messages: [{ role: "user", content: [{ type: "text", text: prompt }] }],
  });

describe("framing (§4)", () => {
  it("echoes the last user text in small deltas by default", async () => {
    const response = await stream("default echo please");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    const id = response.headers.get("x-generation-id");
    expect(id).toMatch(/^gen-\d{10}-[A-Za-z0-9]{20}$/);

    const sse = await readSse(response);
    expect(sse.comments).toEqual(Array(3).fill(": OPENROUTER PROCESSING"));
    expect(sse.text.startsWith(": OPENROUTER PROCESSING\n\n")).toBe(true);
    expect(sse.chunks.every((chunk) => chunk.id === id)).toBe(true);
    const deltas = sse.chunks.map((chunk) => chunk.choices[0]?.delta);
    expect(deltas[0]).toEqual({ role: "assistant", content: "" });
    expect(deltas.slice(1, 5).map((delta) => delta?.content)).toEqual([
      "Echo:",
      " default",
      " echo",
      " please",
    ]);
    const finish = sse.chunks[5]?.choices[0];
    expect(finish?.finish_reason).toBe("stop");
    expect(finish?.delta.content).toBe("");
    expect(sse.chunks[6]?.choices).toEqual([]);
    expect(sse.chunks[6]?.usage?.cost).toEqual(expect.any(Number));
    expect(sse.chunks).toHaveLength(7);
    expect(sse.done).toBe(true);
  });

  it("groups tokens and honours usage shapes 1 and 3", async () => {
    fake.script("shapes one", {
      kind: "stream",
      text: "a b c d",
      tokensPerChunk: 2,
      usageShape: 1,
    });
    fake.script("shapes three", { kind: "stream", text: "x", usageShape: 3 });

    const one = await readSse(await stream("shapes one"));
    const three = await readSse(await stream("shapes three"));

    expect(one.chunks.map((c) => c.choices[0]?.delta.content)).toEqual([
      "",
      "a b",
      " c d",
      "",
      "",
    ]);
    expect(one.chunks.at(-1)?.choices[0]?.finish_reason).toBeNull();
    expect(one.chunks.at(-1)?.usage).toBeDefined();
    expect(three.chunks.at(-1)?.choices[0]?.finish_reason).toBe("stop");
    expect(three.chunks.at(-1)?.usage).toBeDefined();
  });

  it.each([1, 2, 3] as const)("reports cost with usage shape %i", async (n) => {
    const usage = { promptTokens: 10, completionTokens: 4, cost: 0.0042 };
    fake.script(`cost shape ${n}`, {
      kind: "stream",
      text: "Priced.",
      usage,
      usageShape: n,
    });
    const seen = await ask(`cost shape ${n}`);
    expect(seen.text).toBe("Priced.");
    expect(seen.openrouter?.usage?.cost).toBe(0.0042);
    expect(seen.usage?.inputTokens).toBe(10);
    expect(seen.usage?.outputTokens).toBe(4);
  });

  it("answers stream:false with a chat.completion body", async () => {
    fake.register({
      match: "no stream",
      answers: "non-streams",
      responses: [{ kind: "stream", text: "Whole answer." }],
    });
    const response = await postChat(fake, {
      model: MODEL,
      messages: [{ role: "user", content: "no stream" }],
    });
    const body = await response.json();
    expect(body.object).toBe("chat.completion");
    expect(body.choices[0].message).toEqual({
      role: "assistant",
      content: "Whole answer.",
      refusal: null,
      reasoning: null,
    });
    expect(body.choices[0].finish_reason).toBe("stop");
    expect(body.usage.cost).toEqual(expect.any(Number));
  });

  it("puts merged reasoning details in a non-stream body", async () => {
    fake.register({
      match: "no stream reasoning",
      answers: "non-streams",
      responses: [
        { kind: "stream", reasoning: "Short thought.", text: "Answer." },
      ],
    });
    const body = await (
      await postChat(fake, {
        model: "deepseek/deepseek-v4-flash",
        messages: [{ role: "user", content: "no stream reasoning" }],
      })
    ).json();
    expect(body.choices[0].message).toMatchObject({
      content: "Answer.",
      reasoning: "Short thought.",
      reasoning_details: [
        {
          type: "reasoning.text",
          text: "Short thought.",
          signature: expect.stringMatching(/^Fake/),
          format: "anthropic-claude-v1",
          index: 0,
        },
      ],
    });
    expect(body.usage.completion_tokens_details.reasoning_tokens).toBe(2);
  });
});

describe("reasoning (§6)", () => {
  it("streams visible reasoning, then a signature, then text", async () => {
    fake.script("think first", {
      kind: "stream",
      reasoning: "Two plus two is four.",
      text: "4",
    });
    const seen = await ask("think first");
    expect(seen.reasoning).toBe("Two plus two is four.");
    expect(seen.text).toBe("4");
    expect(seen.openrouter?.reasoning_details).toEqual([
      {
        type: "reasoning.text",
        text: "Two plus two is four.",
        signature: expect.stringMatching(/^Fake\w+==$/),
        format: "anthropic-claude-v1",
        index: 0,
      },
    ]);
    expect(seen.usage?.outputTokenDetails.reasoningTokens).toBe(5);
  });

  it("sends encrypted reasoning without visible reasoning", async () => {
    fake.script("think hidden", {
      kind: "stream",
      encryptedReasoning: "gAAAAopaque",
      text: "Done.",
    });
    const seen = await ask("think hidden");
    expect(seen.reasoning).toBe("");
    expect(seen.text).toBe("Done.");
    expect(seen.openrouter?.reasoning_details).toEqual([
      {
        type: "reasoning.encrypted",
        data: "gAAAAopaque",
        id: expect.stringMatching(/^rs_[a-z0-9]{40}$/),
        format: "openai-responses-v1",
        index: 0,
      },
    ]);
  });
});

describe("tool calls (§5)", () => {
  const weather = tool({
    description: "Weather for a city",
    inputSchema: z.object({ city: z.string(), days: z.number() }),
  });
  const call = { name: "weather", arguments: { city: "Lisbon", days: 3 } };

  it("streams id, type and name first, then argument pieces", async () => {
    fake.script("tool fragments", { kind: "stream", toolCalls: [call] });
    const sse = await readSse(await stream("tool fragments"));
    const fragments = sse.chunks.flatMap(
      (chunk) => chunk.choices[0]?.delta.tool_calls ?? [],
    );
    expect(fragments[0]).toEqual({
      index: 0,
      id: expect.stringMatching(/^call_\w{24}$/),
      type: "function",
      function: { name: "weather", arguments: "" },
    });
    expect(fragments.length).toBeGreaterThan(2);
    const pieces = fragments.slice(1).map((fragment) => {
      expect(fragment.id).toBeUndefined();
      return (fragment.function as { arguments: string }).arguments;
    });
    expect(pieces.join("")).toBe('{"city":"Lisbon","days":3}');
    const reasons = sse.chunks.map((chunk) => chunk.choices[0]?.finish_reason);
    expect(reasons).toContain("tool_calls");
  });

  it("runs a tool loop: call first, answer on the follow-up", async () => {
    fake.script(
      "weather loop",
      { kind: "stream", toolCalls: [{ ...call, id: "call_fixed" }] },
      { kind: "stream", text: "Sunny in Lisbon." },
    );
    const first = await streamFromFake(fake, {
      model: MODEL,
      prompt: "weather loop",
      tools: { weather },
    });
    expect(first.finishReason).toBe("tool-calls");
    expect(first.toolCalls).toEqual([
      { toolCallId: "call_fixed", toolName: "weather", input: call.arguments },
    ]);

    const messages: ModelMessage[] = [
      { role: "user", content: "weather loop" },
      {
        role: "assistant",
        content: [
          {
            type: "tool-call",
            toolCallId: "call_fixed",
            toolName: "weather",
            input: call.arguments,
          },
        ],
      },
      {
        role: "tool",
        content: [
          {
            type: "tool-result",
            toolCallId: "call_fixed",
            toolName: "weather",
            output: { type: "json", value: { sky: "clear" } },
          },
        ],
      },
    ];
    const second = await streamFromFake(fake, {
      model: MODEL,
      messages,
      tools: { weather },
    });
    expect(second.text).toBe("Sunny in Lisbon.");
    const recorded = fake.requests("weather loop");
    expect(recorded).toHaveLength(2);
    expect(recorded[1]?.body).toMatchObject({
      messages: [
        { role: "user" },
        { role: "assistant", tool_calls: [{ id: "call_fixed" }] },
        { role: "tool", tool_call_id: "call_fixed" },
      ],
    });
  });
});

describe("other stream fields", () => {
  it("turns annotations into sources; honours model, finish", async () => {
    fake.script("cite it", {
      kind: "stream",
      text: "See the docs.",
      annotations: [{ url: "https://example.com/a", title: "Example A" }],
      model: "openai/gpt-4o-2026-01-01",
      finishReason: "length",
    });
    const seen = await ask("cite it");
    expect(seen.sources).toEqual([
      { url: "https://example.com/a", title: "Example A" },
    ]);
    expect(seen.finishReason).toBe("length");
    const sse = await readSse(await stream("cite it"));
    expect(sse.chunks[0]?.model).toBe("openai/gpt-4o-2026-01-01");
  });
});

describe("errors before the stream (§7.1)", () => {
  const statuses = [400, 401, 402, 403, 404, 408, 429, 500, 502, 503];

  it.each(statuses)("reports a %i to the provider", async (status) => {
    fake.script(`fail with ${status}`, {
      kind: "error",
      status,
      message: `Scripted ${status}`,
    });
    const seen = await ask(`fail with ${status}`);
    expect(seen.text).toBe("");
    expect(seen.errors).toHaveLength(1);
    const error = seen.errors[0] as APICallError;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(status);
    expect(error.message).toBe(`Scripted ${status}`);
  });

  it("sends the body of §7.1 with metadata and headers", async () => {
    const metadata = { provider_name: "Google", raw: "slow down" };
    fake.script("rate limited raw", {
      kind: "error",
      status: 429,
      message: "Provider returned error",
      metadata,
      headers: { "Retry-After": "7" },
    });
    const response = await stream("rate limited raw");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(await response.json()).toEqual({
      error: { code: 429, message: "Provider returned error", metadata },
    });
  });
});

describe("faults inside a 200 stream (§7.2, §9.3)", () => {
  it.each(["documented", "observed"] as const)(
    "surfaces a %s mid-stream error after the text so far",
    async (form) => {
      fake.script(`mid ${form}`, {
        kind: "stream",
        text: "one two three four",
        errorAfter: { chunks: 3, code: 502, message: "Upstream died", form },
      });
      const seen = await ask(`mid ${form}`);
      expect(seen.text).toBe("one two");
      expect(seen.errors.map((error) => (error as Error).message)).toEqual([
        "Upstream died",
      ]);
      expect(seen.finishReason).toBe("error");

      const sse = await readSse(await stream(`mid ${form}`));
      const last = sse.chunks.at(-1);
      expect(last?.error).toEqual(
        form === "documented"
          ? {
              code: 502,
              message: "Upstream died",
              metadata: expect.any(Object),
            }
          : { code: 502, message: "Upstream died" },
      );
      expect(last?.choices[0]?.finish_reason).toBe(
        form === "documented" ? "error" : null,
      );
      expect(last?.usage !== undefined).toBe(form === "observed");
      expect(sse.done).toBe(form === "observed");
    },
  );

  it("makes cost:null fail the usage chunk", async () => {
    fake.script("null cost", { kind: "stream", text: "Hi.", costNull: true });
    const seen = await ask("null cost");
    expect(seen.text).toBe("Hi.");
    expect(seen.errors).toHaveLength(1);
    expect((seen.errors[0] as Error).name).toBe("AI_TypeValidationError");
    expect(seen.finishReason).toBe("error");
    expect(seen.openrouter?.usage?.cost).toBeUndefined();
  });

  it("drops the connection mid-stream", async () => {
    fake.script("drop me", {
      kind: "stream",
      text: "alpha beta gamma",
      dropAfter: { chunks: 2 },
    });
    const seen = await ask("drop me");
    expect(seen.text).toBe("alpha");
    expect(seen.errors).toHaveLength(1);
    expect(seen.finishReason).toBe("error");
    expect(fake.requests("drop me")[0]?.aborted).toBe(false);
  });

  it("sends a data line that is not JSON", async () => {
    fake.script("garble", {
      kind: "stream",
      text: "fine so far",
      malformedAfter: { chunks: 2 },
    });
    const seen = await ask("garble");
    expect(seen.text).toBe("fine");
    expect(seen.errors).toHaveLength(1);
    expect(seen.finishReason).toBe("error");
  });
});
