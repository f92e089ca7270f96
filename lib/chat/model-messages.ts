import { convertToModelMessages, type ModelMessage } from "ai";
import { tools } from "@/lib/ai/tools";
import type { StoredMessage } from "@/lib/types";

/**
 * Turns stored messages into what the model is sent. Assistant messages get
 * OpenRouter's `reasoning_details` back exactly as they came, one list per
 * model step, in the message's provider options. That is the only route for
 * encrypted-only reasoning (o3, Grok, Gemini), which has no reasoning part,
 * and it keeps DeepSeek's empty list as an explicit `[]`, which DeepSeek V4
 * requires on the next turn.
 */
export async function toModelMessages(
  history: StoredMessage[],
): Promise<ModelMessage[]> {
  const result: ModelMessage[] = [];
  for (const message of history) {
    if (message.parts.length === 0) continue;
    const converted = await convertToModelMessages(
      [{ role: message.role, parts: message.parts }],
      { tools, ignoreIncompleteToolCalls: true },
    );
    if (message.role === "assistant") {
      attachReasoningDetails(
        converted,
        message.steps.map((step) => step.reasoningDetails),
      );
    }
    result.push(...converted);
  }
  return result;
}

/**
 * Gives the n-th assistant message the n-th step's details. The provider
 * only forwards details it finds on a tool call when they are non-empty, so
 * inside a tool loop this also has to run between steps (see `reply.ts`).
 */
export function attachReasoningDetails<Message extends ModelMessage>(
  messages: Message[],
  detailsByStep: (unknown[] | undefined)[],
): Message[] {
  let step = 0;
  for (const message of messages) {
    if (message.role !== "assistant") continue;
    const recorded = detailsByStep[step];
    step += 1;
    // A reply stopped mid-step has no recorded details; unless a reasoning
    // part carries its own, "no reasoning to continue from" is an empty list.
    const details = recorded ?? (hasPartDetails(message) ? undefined : []);
    if (details === undefined) continue;
    message.providerOptions = {
      ...message.providerOptions,
      openrouter: {
        ...message.providerOptions?.openrouter,
        reasoning_details: details as never,
      },
    };
  }
  return messages;
}

function hasPartDetails(message: ModelMessage): boolean {
  if (typeof message.content === "string") return false;
  return message.content.some(
    (part) =>
      part.type === "reasoning" &&
      Array.isArray(part.providerOptions?.openrouter?.reasoning_details),
  );
}

/** OpenRouter's details from one step's provider metadata, if any. */
export function stepReasoningDetails(
  providerMetadata: unknown,
): unknown[] | undefined {
  const details = (
    providerMetadata as { openrouter?: { reasoning_details?: unknown } }
  )?.openrouter?.reasoning_details;
  return Array.isArray(details) ? details : undefined;
}
