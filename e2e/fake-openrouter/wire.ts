import { allReasoningDetails, type Reply } from "./reply";

type Delta = Record<string, unknown>;
export type Chunk = Record<string, unknown>;
export type UsageShape = 1 | 2 | 3;

const ARGUMENT_PIECE_LENGTH = 12;

/** The fields every chunk of one generation shares (2026 key order). */
export function chunkBase(reply: Reply): Chunk {
  return {
    id: reply.id,
    object: "chat.completion.chunk",
    created: reply.created,
    model: reply.model,
    provider: reply.provider,
  };
}

export function chunk(
  reply: Reply,
  delta: Delta,
  finishReason: string | null = null,
): Chunk {
  const details =
    reply.alwaysReasoningDetails && delta.reasoning_details === undefined
      ? { reasoning_details: [] }
      : {};
  return {
    ...chunkBase(reply),
    choices: [
      {
        index: 0,
        delta: { role: "assistant", ...delta, ...details },
        finish_reason: finishReason,
        native_finish_reason: finishReason,
      },
    ],
  };
}

/** Every `data:` event of a complete stream, `[DONE]` excluded (§4.3). */
export function streamChunks(reply: Reply, usageShape: UsageShape): Chunk[] {
  const annotations =
    reply.annotations.length > 0 ? { annotations: reply.annotations } : {};
  const chunks = [chunk(reply, { content: "", ...annotations })];
  const format = reply.reasoningFormat;
  for (const piece of reply.reasoningPieces) {
    const detail = { type: "reasoning.text", text: piece, format, index: 0 };
    chunks.push(
      chunk(reply, {
        content: "",
        reasoning: piece,
        reasoning_details: [detail],
      }),
    );
  }
  if (reply.reasoningPieces.length > 0) {
    const signature = reply.signature;
    const detail = { type: "reasoning.text", signature, format, index: 0 };
    chunks.push(reasoningOnly(reply, detail));
  }
  if (reply.encrypted) chunks.push(reasoningOnly(reply, reply.encrypted));
  for (const piece of reply.textPieces) {
    chunks.push(chunk(reply, { content: piece }));
  }
  reply.toolCalls.forEach((call, index) => {
    const opening = { name: call.name, arguments: "" };
    chunks.push(toolDelta(reply, { index, id: call.id, function: opening }));
    for (const piece of split(call.arguments, ARGUMENT_PIECE_LENGTH)) {
      chunks.push(toolDelta(reply, { index, function: { arguments: piece } }));
    }
  });
  chunks.push(chunk(reply, { content: "" }, reply.finishReason));
  chunks.push(usageChunk(reply, usageShape));
  return chunks;
}

function usageChunk(reply: Reply, shape: UsageShape): Chunk {
  const usage = { usage: reply.usage };
  if (shape === 1) return { ...chunk(reply, { content: "" }), ...usage };
  if (shape === 2) return { ...chunkBase(reply), choices: [], ...usage };
  return { ...chunk(reply, { content: "" }, reply.finishReason), ...usage };
}

function reasoningOnly(reply: Reply, detail: object): Chunk {
  const delta = { content: "", reasoning: null, reasoning_details: [detail] };
  return chunk(reply, delta);
}

function toolDelta(reply: Reply, fragment: Record<string, unknown>): Chunk {
  const toolCall = { ...fragment, type: "function" };
  return chunk(reply, { content: null, tool_calls: [toolCall] });
}

/** The non-stream `chat.completion` body (§3). */
export function completionBody(reply: Reply): Chunk {
  const details = allReasoningDetails(reply);
  const reasoning = reply.reasoningPieces.join("");
  const message = {
    role: "assistant",
    content: reply.textPieces.join(""),
    refusal: null,
    reasoning: reasoning === "" ? null : reasoning,
    ...(details.length > 0 || reply.alwaysReasoningDetails
      ? { reasoning_details: details }
      : {}),
    ...(reply.toolCalls.length > 0
      ? {
          tool_calls: reply.toolCalls.map((call) => ({
            id: call.id,
            type: "function",
            function: { name: call.name, arguments: call.arguments },
          })),
        }
      : {}),
    ...(reply.annotations.length > 0 ? { annotations: reply.annotations } : {}),
  };
  return {
    ...chunkBase(reply),
    object: "chat.completion",
    choices: [
      {
        index: 0,
        logprobs: null,
        finish_reason: reply.finishReason,
        native_finish_reason: reply.finishReason,
        message,
      },
    ],
    usage: reply.usage,
  };
}

function split(text: string, length: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += length) {
    pieces.push(text.slice(i, i + length));
  }
  return pieces;
}
