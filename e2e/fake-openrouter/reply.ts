import {
  encryptedReasoningId,
  generationId,
  reasoningSignature,
  toolCallId,
} from "./ids";
import type { StreamResponse } from "./scenarios";
import { type WireUsage, wireUsage } from "./usage";

export type ReasoningDetail =
  | {
      type: "reasoning.text";
      text?: string;
      signature?: string;
      format: string;
      index: 0;
    }
  | {
      type: "reasoning.encrypted";
      data: string;
      id: string;
      format: "openai-responses-v1";
      index: 0;
    };

/** Everything a response carries, before it is cut into chunks. */
export interface Reply {
  id: string;
  created: number;
  model: string;
  provider: string;
  /** DeepSeek V4 sends `reasoning_details: []` on turns without reasoning. */
  alwaysReasoningDetails: boolean;
  textPieces: string[];
  reasoningPieces: string[];
  reasoningFormat: string;
  signature: string;
  encrypted: ReasoningDetail | undefined;
  toolCalls: { id: string; name: string; arguments: string }[];
  annotations: unknown[];
  finishReason: string;
  usage: WireUsage;
}

export function planReply(options: {
  response: StreamResponse;
  model: string;
  alwaysReasoningDetails: boolean;
  promptTokens: number;
}): Reply {
  const { response } = options;
  const perChunk = response.tokensPerChunk ?? 1;
  const textTokens = tokenize(response.text ?? "");
  const reasoningTokens = tokenize(response.reasoning ?? "");
  const encryptedData = response.encryptedReasoning;
  const toolCalls = (response.toolCalls ?? []).map((call) => ({
    id: call.id ?? toolCallId(),
    name: call.name,
    arguments: JSON.stringify(call.arguments),
  }));
  const hiddenTokens = Math.ceil((encryptedData ?? "").length / 4);
  const toolTokens = toolCalls.reduce(
    (sum, call) => sum + Math.ceil(call.arguments.length / 4),
    0,
  );
  const created = Math.floor(Date.now() / 1000);
  const reasoningCount = reasoningTokens.length + hiddenTokens;
  return {
    id: generationId(created),
    created,
    model: response.model ?? options.model,
    provider: "Fake",
    alwaysReasoningDetails: options.alwaysReasoningDetails,
    textPieces: group(textTokens, perChunk),
    reasoningPieces: group(reasoningTokens, perChunk),
    reasoningFormat: response.reasoningFormat ?? "anthropic-claude-v1",
    signature: reasoningSignature(),
    encrypted:
      encryptedData === undefined
        ? undefined
        : {
            type: "reasoning.encrypted",
            data: encryptedData,
            id: encryptedReasoningId(),
            format: "openai-responses-v1",
            index: 0,
          },
    toolCalls,
    annotations: (response.annotations ?? []).map((annotation) => ({
      type: "url_citation",
      url_citation: {
        url: annotation.url,
        title: annotation.title,
        start_index: 0,
        end_index: 0,
        content: annotation.content ?? "",
      },
    })),
    finishReason:
      response.finishReason ?? (toolCalls.length > 0 ? "tool_calls" : "stop"),
    usage: wireUsage(
      {
        promptTokens: options.promptTokens,
        completionTokens: textTokens.length + reasoningCount + toolTokens,
        reasoningTokens: reasoningCount,
      },
      response.usage,
      response.costNull === true,
    ),
  };
}

/** The complete reasoning_details of a reply, as a non-stream body has it. */
export function allReasoningDetails(reply: Reply): ReasoningDetail[] {
  const details: ReasoningDetail[] = [];
  if (reply.reasoningPieces.length > 0) {
    details.push({
      type: "reasoning.text",
      text: reply.reasoningPieces.join(""),
      signature: reply.signature,
      format: reply.reasoningFormat,
      index: 0,
    });
  }
  if (reply.encrypted) details.push(reply.encrypted);
  return details;
}

/** Word-sized tokens with their leading whitespace: "a b" -> "a", " b". */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? [];
}

function group(tokens: string[], size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < tokens.length; i += size) {
    pieces.push(tokens.slice(i, i + size).join(""));
  }
  return pieces;
}
