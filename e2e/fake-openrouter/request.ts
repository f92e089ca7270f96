import { z } from "zod";

// Loose on purpose: OpenRouter accepts and ignores unknown fields (§2.2).
const messageSchema = z.looseObject({
  role: z.string(),
  content: z.unknown().optional(),
});

const chatRequestSchema = z.looseObject({
  model: z.string().optional(),
  stream: z.boolean().optional(),
  messages: z.array(messageSchema).min(1),
});

export type ChatMessage = z.infer<typeof messageSchema>;
export type ChatRequest = z.infer<typeof chatRequestSchema>;

export const DEFAULT_MODEL = "openrouter/auto";

export function parseChatRequest(
  body: unknown,
): { ok: true; request: ChatRequest } | { ok: false; message: string } {
  const parsed = chatRequestSchema.safeParse(body);
  if (parsed.success) return { ok: true, request: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.join(".") || "body";
  return { ok: false, message: `Invalid request: ${where}: ${issue?.message}` };
}

/** The text of a message whose content is a string or an array of parts. */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part: unknown) =>
      isRecord(part) && typeof part.text === "string" ? part.text : "",
    )
    .filter((text) => text !== "")
    .join("\n");
}

/** What scenarios match on; "" when the body has no user message. */
export function lastUserText(body: unknown): string {
  if (!isRecord(body) || !Array.isArray(body.messages)) return "";
  const users = body.messages.filter(
    (message: unknown) => isRecord(message) && message.role === "user",
  );
  const last: unknown = users.at(-1);
  return isRecord(last) ? contentText(last.content) : "";
}

export function isDeepSeekV4(model: string): boolean {
  return model.startsWith("deepseek/deepseek-v4");
}

// DeepSeek V4 rejects a history whose assistant turns dropped the
// reasoning_details it returned, even an empty array (§6.3).
export function lacksReasoningDetails(request: ChatRequest): boolean {
  return request.messages.some(
    (message) =>
      message.role === "assistant" && message.reasoning_details === undefined,
  );
}

/** A stable rough count (4 characters a token) of the prompt. */
export function estimatePromptTokens(request: ChatRequest): number {
  const text = request.messages.map((m) => contentText(m.content)).join(" ");
  return Math.max(1, Math.ceil(text.length / 4));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
