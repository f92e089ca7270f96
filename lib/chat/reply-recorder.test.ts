import { APICallError, type TextStreamPart, type ToolSet } from "ai";
import { describe, expect, it } from "vitest";
import { ParleyError } from "@/lib/errors";
import type { ParleyMessage } from "@/lib/types";
import type { Generation } from "./generations";
import { ReplyRecorder, settleParts } from "./reply-recorder";

const MODEL = "deepseek/deepseek-v4-flash";

type Part = TextStreamPart<ToolSet>;

function recorder(stopReason?: Generation["stopReason"]) {
  const generation: Generation = {
    conversationId: "conversation",
    messageId: "reply",
    controller: new AbortController(),
    stopReason,
  };
  return new ReplyRecorder(
    MODEL,
    generation,
    () => new ParleyError("upstream:openrouter", "Gave up waiting."),
  );
}

function finishStep(
  openrouter: Record<string, unknown> | undefined,
  modelId = MODEL,
): Part {
  return {
    type: "finish-step",
    response: { id: "gen-1", timestamp: new Date(0), modelId },
    providerMetadata: openrouter === undefined ? undefined : { openrouter },
  } as unknown as Part;
}

function finish(usage: {
  input?: number;
  output?: number;
  reasoning?: number;
  cached?: number;
}): Part {
  return {
    type: "finish",
    finishReason: "stop",
    rawFinishReason: "stop",
    totalUsage: {
      inputTokens: usage.input,
      outputTokens: usage.output,
      inputTokenDetails: { cacheReadTokens: usage.cached },
      outputTokenDetails: { reasoningTokens: usage.reasoning },
    },
  } as unknown as Part;
}

const text = [{ type: "text" as const, text: "Hello." }];
const details = [{ type: "reasoning.text", text: "Hm.", index: 0 }];

describe("ReplyRecorder", () => {
  it("announces a streaming reply at the start", () => {
    expect(recorder().observe({ type: "start" })).toEqual({
      status: "streaming",
      model: MODEL,
    });
  });

  it("records a complete reply: served model, usage, cost and step data", () => {
    const reply = recorder();
    reply.observe({ type: "start" });
    reply.observe(
      finishStep(
        { reasoning_details: details, usage: { cost: 0.002 } },
        "deepseek/deepseek-v4-flash-20260101",
      ),
    );
    const metadata = reply.observe(
      finish({ input: 100, output: 20, reasoning: 5, cached: 40 }),
    );

    const usage = { prompt: 100, completion: 20, reasoning: 5, cached: 40 };
    expect(metadata).toEqual({
      status: "complete",
      model: "deepseek/deepseek-v4-flash-20260101",
      finishReason: "stop",
      usage,
      cost: 0.002,
      error: undefined,
    });
    expect(reply.outcome(text)).toEqual({
      parts: text,
      status: "complete",
      model: "deepseek/deepseek-v4-flash-20260101",
      finishReason: "stop",
      error: null,
      usage,
      cost: 0.002,
      reasoningMs: null,
      steps: [{ reasoningDetails: details }],
    });
    expect(reply.failure()).toBeNull();
  });

  it("adds up the cost of every step of a tool loop and keeps each step", () => {
    const reply = recorder();
    reply.observe(
      finishStep({ reasoning_details: [], usage: { cost: 0.001 } }),
    );
    reply.observe(finishStep({ usage: { cost: 0.0025 } }));
    reply.observe(finish({ input: 10, output: 5 }));

    const outcome = reply.outcome(text);
    expect(outcome.cost).toBeCloseTo(0.0035, 10);
    expect(outcome.steps).toEqual([{ reasoningDetails: [] }, {}]);
  });

  it("has no cost when OpenRouter reported none, rather than 0", () => {
    const reply = recorder();
    reply.observe(finishStep(undefined));
    reply.observe(finish({}));
    const outcome = reply.outcome(text);
    expect(outcome.cost).toBeNull();
    expect(outcome.usage).toBeNull();
  });

  it("fills missing usage details with 0 once some usage arrived", () => {
    const reply = recorder();
    reply.observe(finish({ input: 12 }));
    expect(reply.outcome(text).usage).toEqual({
      prompt: 12,
      completion: 0,
      reasoning: 0,
      cached: 0,
    });
  });

  it("fails the reply with the upstream error in plain words", () => {
    const reply = recorder();
    reply.observe({ type: "start" });
    const upstream = new APICallError({
      message: "Rate limit exceeded.",
      url: "https://openrouter.ai/api/v1/chat/completions",
      requestBodyValues: {},
      statusCode: 429,
    });
    const metadata = reply.observe({ type: "error", error: upstream });

    expect(metadata?.status).toBe("failed");
    expect(metadata?.error?.code).toBe("upstream:openrouter");
    expect(metadata?.error?.message).toContain('"Rate limit exceeded."');
    expect(reply.failure()?.message).toBe(metadata?.error?.message);
    expect(reply.outcome(text)).toMatchObject({
      status: "failed",
      error: metadata?.error,
    });
  });

  it("keeps the first error when more follow", () => {
    const reply = recorder();
    reply.observe({ type: "error", error: { code: 502, message: "First" } });
    reply.observe({ type: "error", error: { code: 500, message: "Second" } });
    expect(reply.outcome(text).error?.message).toContain('"First"');
  });

  it("stays failed even if a finish follows the error", () => {
    const reply = recorder();
    reply.observe({ type: "error", error: { code: 502, message: "Gone" } });
    reply.observe(finish({ input: 1, output: 1 }));
    expect(reply.outcome(text).status).toBe("failed");
  });

  it("marks a reply the user stopped as stopped, without an error", () => {
    const reply = recorder("user");
    reply.observe({ type: "start" });
    expect(reply.observe({ type: "abort", reason: "user" })).toMatchObject({
      status: "stopped",
      error: undefined,
    });
    expect(reply.outcome(text)).toMatchObject({
      status: "stopped",
      error: null,
    });
  });

  it("marks a reply cut by a server shutdown as interrupted", () => {
    const reply = recorder("shutdown");
    reply.observe({ type: "abort" });
    expect(reply.outcome(text)).toMatchObject({
      status: "interrupted",
      error: null,
    });
  });

  it("fails a reply aborted by nobody (the idle timeout) with its reason", () => {
    const reply = recorder();
    reply.observe({ type: "abort" });
    expect(reply.outcome(text)).toMatchObject({
      status: "failed",
      error: { code: "upstream:openrouter", message: "Gave up waiting." },
    });
  });

  it("calls a reply that ended without a finish interrupted", () => {
    const reply = recorder();
    reply.observe({ type: "start" });
    expect(reply.outcome(text).status).toBe("interrupted");
  });
});

describe("settleParts", () => {
  it("marks text and reasoning cut mid-stream as done, leaving the rest", () => {
    const parts: ParleyMessage["parts"] = [
      { type: "reasoning", text: "Thinking", state: "streaming" },
      { type: "step-start" },
      { type: "text", text: "Partial", state: "streaming" },
    ];
    expect(settleParts(parts)).toEqual([
      { type: "reasoning", text: "Thinking", state: "done" },
      { type: "step-start" },
      { type: "text", text: "Partial", state: "done" },
    ]);
  });
});

describe("reasoning time", () => {
  it("is measured from the first reasoning part to the last one's end", () => {
    let clock = 1_000;
    const recorder = new ReplyRecorder(
      "deepseek/deepseek-v4-flash",
      {
        conversationId: "c",
        messageId: "m",
        controller: new AbortController(),
      },
      () => new ParleyError("upstream:openrouter", "quiet"),
      () => clock,
    );
    recorder.observe({ type: "start" });
    recorder.observe({ type: "reasoning-start", id: "r1" } as never);
    clock += 1_500;
    recorder.observe({ type: "reasoning-end", id: "r1" } as never);
    clock += 4_000;
    recorder.observe({ type: "reasoning-start", id: "r2" } as never);
    clock += 500;
    const finish = recorder.observe({
      type: "finish",
      finishReason: "stop",
      rawFinishReason: "stop",
      totalUsage: {
        inputTokens: 1,
        outputTokens: 2,
        totalTokens: 3,
        inputTokenDetails: {
          noCacheTokens: 1,
          cacheReadTokens: 0,
          cacheWriteTokens: 0,
        },
        outputTokenDetails: { textTokens: 1, reasoningTokens: 1 },
      },
    } as never);
    expect(finish?.reasoningMs).toBe(2_000);
    expect(recorder.outcome([]).reasoningMs).toBe(2_000);
  });
});
