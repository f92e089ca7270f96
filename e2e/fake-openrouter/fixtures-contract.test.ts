import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { APICallError, tool } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { fixturesDir } from "./fixtures";
import { type FakeOpenRouterServer, startFakeOpenRouter } from "./server";
import { postChat, type StreamSummary, streamFromFake } from "./test-support";

type Expected = {
  text: string | [start: string, end: string];
  reasoning?: string;
  toolCalls?: StreamSummary["toolCalls"];
  sources?: number;
  cost: number | undefined;
  tokens?: { input: number; output: number; reasoning: number };
  encryptedId?: string;
  error?: string;
  finishReason: string;
};

// What a user of the app would see from each recorded stream.
const expected: Record<string, Expected> = {
  "sse-text-gpt4o.sse": {
    text: "Pebbles and Skipper.",
    cost: 0.0001025,
    tokens: { input: 17, output: 6, reasoning: 0 },
    finishReason: "stop",
  },
  "sse-tool-call-gpt41mini.sse": {
    text: "",
    toolCalls: [
      {
        toolCallId: "call_o4OCgtJrNoZTmoCRvmlfoHfj",
        toolName: "llm_version",
        input: {},
      },
    ],
    cost: 0.0000368,
    finishReason: "tool-calls",
  },
  "sse-tool-result-followup-gpt41mini.sse": {
    text: "The current LLM version is 0.0+test.",
    cost: 0.0000516,
    finishReason: "stop",
  },
  "sse-reasoning-text-signature-claude-sonnet-4.5.sse": {
    text: "2 + 2 = 4",
    reasoning: "This is a simple arithmetic question. 2+2 equals 4.",
    cost: 0.000669,
    tokens: { input: 43, output: 36, reasoning: 13 },
    finishReason: "stop",
  },
  "sse-reasoning-encrypted-o3.sse": {
    text: ["I’m ChatGPT, a large-language-model", "just let me know!"],
    cost: 0.00085,
    encryptedId: "rs_0aa4f2c435e6d1dc0169082486816c8193a029b5fc4ef1764f",
    finishReason: "stop",
  },
  "sse-reasoning-encrypted-grok4-fallback-cached.sse": {
    text: ["I'm Grok, an AI built by xAI.", "What's on your mind?"],
    cost: 0.00333825,
    tokens: { input: 687, output: 187, reasoning: 118 },
    encryptedId: "rs_619f3702-e30e-6ba5-7b57-466db8036365_us-east-1",
    finishReason: "stop",
  },
  "sse-deepseek-chat-websearch-annotations-cost.sse": {
    text: [
      "The URL for Pydantic AI's GitHub repository is:",
      "https://github.com/pydantic/pydantic-ai",
    ],
    sources: 5,
    cost: 0.0076509169000000005,
    finishReason: "stop",
  },
  "sse-usage-empty-choices-claude-sonnet-4.6.sse": {
    text: "Hello!",
    cost: 0.000837,
    tokens: { input: 254, output: 5, reasoning: 0 },
    finishReason: "stop",
  },
  "sse-midstream-error-minimax-m2.sse": {
    text: "",
    reasoning: "We need to respond to a greeting. The user",
    cost: undefined,
    error: "Token limit reached",
    finishReason: "error",
  },
};

const sseFiles = readdirSync(fixturesDir)
  .filter((file) => file.endsWith(".sse"))
  .sort();

const tools = {
  llm_version: tool({
    description: "Return the installed version of llm",
    inputSchema: z.object({}),
  }),
};

let fake: FakeOpenRouterServer;
beforeAll(async () => {
  fake = await startFakeOpenRouter();
});
afterAll(() => fake.close());

describe("recorded streams replayed through the provider", () => {
  it("has an expectation for every recorded stream", () => {
    expect(sseFiles.length).toBeGreaterThanOrEqual(9);
    expect(Object.keys(expected).sort()).toEqual(sseFiles);
  });

  it.each(sseFiles)("%s", async (file) => {
    const want = expected[file];
    if (!want) throw new Error(`No expectation for ${file}`);
    fake.script(`replay ${file}`, { kind: "fixture", file });

    const seen = await streamFromFake(fake, {
      model: "openai/gpt-4o",
      prompt: `replay ${file}`,
      tools,
    });

    if (typeof want.text === "string") expect(seen.text).toBe(want.text);
    else {
      expect(seen.text.startsWith(want.text[0])).toBe(true);
      expect(seen.text.endsWith(want.text[1])).toBe(true);
    }
    expect(seen.reasoning).toBe(want.reasoning ?? "");
    expect(seen.toolCalls).toEqual(want.toolCalls ?? []);
    expect(seen.sources).toHaveLength(want.sources ?? 0);
    expect(seen.openrouter?.usage?.cost).toBe(want.cost);
    expect(seen.finishReason).toBe(want.finishReason);
    if (want.tokens) {
      expect(seen.usage?.inputTokens).toBe(want.tokens.input);
      expect(seen.usage?.outputTokens).toBe(want.tokens.output);
      expect(seen.usage?.outputTokenDetails.reasoningTokens).toBe(
        want.tokens.reasoning,
      );
    }
    const encrypted = seen.openrouter?.reasoning_details?.filter(
      (detail) => detail.type === "reasoning.encrypted",
    );
    expect(encrypted?.map((detail) => detail.id)).toEqual(
      want.encryptedId ? [want.encryptedId] : [],
    );
    expect(seen.errors.map((error) => (error as Error).message)).toEqual(
      want.error ? [want.error] : [],
    );
  });
});

describe("fixture responses on the wire", () => {
  it.each(sseFiles)("serves %s byte for byte as SSE", async (file) => {
    fake.script(`bytes ${file}`, { kind: "fixture", file });
    const response = await postChat(fake, {
      model: "openai/gpt-4o",
      stream: true,
      messages: [{ role: "user", content: `bytes ${file}` }],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("x-generation-id")).toMatch(/^gen-\d+-\w+$/);
    expect(await response.text()).toBe(
      readFileSync(join(fixturesDir, file), "utf8"),
    );
  });

  it("replays the recorded 429 as a 429 the provider reports", async () => {
    const file = "json-error-429-provider-rate-limited.json";
    fake.script("replay the 429", { kind: "fixture", file });

    const seen = await streamFromFake(fake, {
      model: "google/gemini-2.0-flash-exp:free",
      prompt: "replay the 429",
    });

    expect(seen.errors).toHaveLength(1);
    const error = seen.errors[0];
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(429);
    expect((error as APICallError).message).toMatch(
      /^\[Google\] google\/gemini-2\.0-flash-exp:free is temporarily/,
    );
    expect(fake.requests("replay the 429")[0]?.status).toBe(429);
  });
});
