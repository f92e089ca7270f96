import { z } from "zod";

// "After N chunks" counts `data:` events already written; the opening
// `{role:"assistant", content:""}` chunk is number 1.
const afterChunks = z.int().min(0);

const toolCallSchema = z.strictObject({
  name: z.string().min(1),
  /** Serialised with JSON.stringify and streamed in several pieces. */
  arguments: z.record(z.string(), z.unknown()),
  /** Defaults to `call_<24 alphanumerics>`. */
  id: z.string().optional(),
});

const annotationSchema = z.strictObject({
  url: z.string(),
  title: z.string(),
  content: z.string().optional(),
});

const usageOverrideSchema = z.strictObject({
  promptTokens: z.int().min(0).optional(),
  completionTokens: z.int().min(0).optional(),
  reasoningTokens: z.int().min(0).optional(),
  cachedTokens: z.int().min(0).optional(),
  /** USD credits. Only place the provider exposes it: finish metadata. */
  cost: z.number().optional(),
});

export const streamResponseSchema = z.strictObject({
  kind: z.literal("stream"),
  /** Visible answer; none when omitted. */
  text: z.string().optional(),
  /** Visible reasoning, sent as `delta.reasoning` plus one `reasoning.text`
   * detail per delta, then a signature-only delta. */
  reasoning: z.string().optional(),
  reasoningFormat: z.enum(["anthropic-claude-v1", "unknown"]).optional(),
  /** Opaque data of one `reasoning.encrypted` detail (id `rs_...`, format
   * `openai-responses-v1`). Nothing visible: the provider only reports it in
   * the finish provider metadata. */
  encryptedReasoning: z.string().optional(),
  /** Streamed after the text; finish_reason becomes `tool_calls`. */
  toolCalls: z.array(toolCallSchema).optional(),
  /** url_citation annotations, sent on the opening chunk. */
  annotations: z.array(annotationSchema).optional(),
  /** The model that "served" the request; defaults to the requested one. */
  model: z.string().optional(),
  finishReason: z
    .enum(["stop", "length", "tool_calls", "content_filter", "error"])
    .optional(),
  usage: usageOverrideSchema.optional(),
  /** 1: usage on a choice with an empty delta (2025 captures); 2: `choices:
   * []` (documented, default); 3: the finish chunk repeated with usage. */
  usageShape: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  /** Fault: `cost: null` makes the provider reject the whole usage chunk. */
  costNull: z.literal(true).optional(),
  /** `: OPENROUTER PROCESSING` comments before the first event (default 3). */
  keepAlives: z.int().min(0).optional(),
  firstByteDelayMs: z.int().min(0).optional(),
  /** Pause between events. */
  tokenDelayMs: z.int().min(0).optional(),
  /** Word-sized tokens per text or reasoning delta (default 1). */
  tokensPerChunk: z.int().min(1).optional(),
  // Faults: set at most one. Each fires once `chunks` events are written.
  /** A 200 stream that ends in an error event. "documented" (§7.2 docs):
   * `finish_reason:"error"`, then the stream ends. "observed" (minimax
   * capture): `finish_reason:null` plus usage, then `[DONE]`. */
  errorAfter: z
    .strictObject({
      chunks: afterChunks,
      code: z.union([z.int(), z.string()]),
      message: z.string(),
      form: z.enum(["documented", "observed"]),
    })
    .optional(),
  /** Destroy the socket: the client sees a connection reset. */
  dropAfter: z.strictObject({ chunks: afterChunks }).optional(),
  /** Write nothing more but keep the socket open until the client leaves. */
  stallAfter: z.strictObject({ chunks: afterChunks }).optional(),
  /** A `data:` line that is not JSON, then `[DONE]`. */
  malformedAfter: z.strictObject({ chunks: afterChunks }).optional(),
});

export const errorResponseSchema = z.strictObject({
  kind: z.literal("error"),
  /** HTTP status, also sent as `error.code` (§7.1). */
  status: z.int().min(400).max(599),
  message: z.string(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  /** Extra response headers, e.g. `{"Retry-After": "3"}`. */
  headers: z.record(z.string(), z.string()).optional(),
});

export const fixtureResponseSchema = z.strictObject({
  kind: z.literal("fixture"),
  /** File name in shared/fixtures/openrouter, replayed byte for byte. */
  file: z.string().regex(/^[\w.-]+\.(sse|json)$/),
});

export const fakeResponseSchema = z.discriminatedUnion("kind", [
  streamResponseSchema,
  errorResponseSchema,
  fixtureResponseSchema,
]);

export const scenarioSchema = z.strictObject({
  /** Applies to requests whose last user message text contains this. */
  match: z.string().min(1),
  /** One per matching request, in order; the last one then repeats. */
  responses: z.array(fakeResponseSchema).min(1),
  /** DeepSeek V4 check on assistant history (§6.3); on unless false. */
  deepseekStrict: z.boolean().optional(),
  /** Which requests it answers: streamed ones (the default), non-streamed
   * ones (an app's side calls, such as title generation) or all. */
  answers: z.enum(["streams", "non-streams", "all"]).optional(),
});

export type StreamResponse = z.infer<typeof streamResponseSchema>;
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
export type FixtureResponse = z.infer<typeof fixtureResponseSchema>;
export type FakeResponse = z.infer<typeof fakeResponseSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type UsageOverride = z.infer<typeof usageOverrideSchema>;
export type ToolCallScript = z.infer<typeof toolCallSchema>;
