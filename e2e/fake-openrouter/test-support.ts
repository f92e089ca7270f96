// Consumes a fake's stream through the real provider, as the app does, and
// keeps what a user would see. Used by the tests in this folder only.
import { createOpenRouter } from "@openrouter/ai-sdk-provider";
import {
  type LanguageModelUsage,
  type ModelMessage,
  streamText,
  type ToolSet,
} from "ai";

export interface StreamSummary {
  text: string;
  reasoning: string;
  toolCalls: { toolCallId: string; toolName: string; input: unknown }[];
  sources: { url: string; title: string | undefined }[];
  errors: unknown[];
  finishReason: string | undefined;
  rawFinishReason: string | undefined;
  usage: LanguageModelUsage | undefined;
  /** `providerMetadata.openrouter` of the finished step: cost lives here. */
  openrouter: OpenRouterMetadata | undefined;
}

export type OpenRouterMetadata = {
  provider?: string;
  reasoning_details?: Record<string, unknown>[];
  usage?: { cost?: number; promptTokens?: number; completionTokens?: number };
};

export async function streamFromFake(
  fake: { baseURL: string; apiKey: string },
  call: {
    model: string;
    prompt?: string;
    messages?: ModelMessage[];
    tools?: ToolSet;
    abortSignal?: AbortSignal;
  },
): Promise<StreamSummary> {
  const openrouter = createOpenRouter({
    baseURL: fake.baseURL,
    apiKey: fake.apiKey,
  });
  const base = {
    model: openrouter.chat(call.model),
    tools: call.tools,
    abortSignal: call.abortSignal,
    maxRetries: 0,
    onError: () => {},
  };
  const result =
    call.messages === undefined
      ? streamText({ ...base, prompt: call.prompt ?? "" })
      : streamText({ ...base, messages: call.messages });
  const summary: StreamSummary = {
    text: "",
    reasoning: "",
    toolCalls: [],
    sources: [],
    errors: [],
    finishReason: undefined,
    rawFinishReason: undefined,
    usage: undefined,
    openrouter: undefined,
  };
  for await (const part of result.fullStream) {
    switch (part.type) {
      case "text-delta":
        summary.text += part.text;
        break;
      case "reasoning-delta":
        summary.reasoning += part.text;
        break;
      case "tool-call":
        summary.toolCalls.push({
          toolCallId: part.toolCallId,
          toolName: part.toolName,
          input: part.input,
        });
        break;
      case "source":
        if (part.sourceType === "url") {
          summary.sources.push({ url: part.url, title: part.title });
        }
        break;
      case "error":
        summary.errors.push(part.error);
        break;
      case "finish-step":
        summary.openrouter = part.providerMetadata?.openrouter as
          | OpenRouterMetadata
          | undefined;
        break;
      case "finish":
        summary.finishReason = part.finishReason;
        summary.rawFinishReason = part.rawFinishReason;
        summary.usage = part.totalUsage;
        break;
    }
  }
  return summary;
}

/** A raw `POST /chat/completions`, for asserting on the wire itself. */
export function postChat(
  fake: { baseURL: string; apiKey: string },
  body: Record<string, unknown>,
  apiKey = fake.apiKey,
): Promise<Response> {
  return fetch(`${fake.baseURL}/chat/completions`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${apiKey}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify(body),
  });
}

export type WireChunk = {
  id: string;
  model: string;
  error?: { code: unknown; message: string };
  choices: {
    delta: Record<string, unknown> & {
      tool_calls?: Record<string, unknown>[];
    };
    finish_reason: string | null;
  }[];
  usage?: Record<string, unknown>;
};

/** Splits an SSE body into its comments, JSON events and `[DONE]`. */
export async function readSse(response: Response) {
  const text = await response.text();
  const blocks = text.split("\n\n").filter((block) => block !== "");
  const data = blocks
    .filter((block) => block.startsWith("data: "))
    .map((block) => block.slice("data: ".length));
  return {
    text,
    comments: blocks.filter((block) => block.startsWith(":")),
    chunks: data
      .filter((line) => line !== "[DONE]")
      .map((line) => JSON.parse(line) as WireChunk),
    done: data.at(-1) === "[DONE]",
  };
}
