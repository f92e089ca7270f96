import { z } from "zod";
import { modelIdSchema } from "@/lib/env";

export { modelIdSchema };

/**
 * Generation settings of a conversation. `params` holds OpenRouter request
 * fields under their API names, exactly as the person set them: whatever is
 * present is sent, whatever is absent is left to the model's defaults.
 */
export const reasoningEfforts = [
  "xhigh",
  "high",
  "medium",
  "low",
  "minimal",
  "none",
] as const;

const number = (min: number, max: number) => z.number().min(min).max(max);

/** Real response schemas nest a few levels; thousands only break things. */
const MAX_SCHEMA_DEPTH = 64;

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_SCHEMA_DEPTH || typeof value !== "object" || !value) {
    return depth;
  }
  let deepest = depth;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child, depth + 1));
    if (deepest > MAX_SCHEMA_DEPTH) break;
  }
  return deepest;
}

export const responseFormatSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }),
  z.object({ type: z.literal("json_object") }),
  z.object({
    type: z.literal("json_schema"),
    json_schema: z.object({
      name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, {
        message: "use 1 to 64 letters, digits, _ or -",
      }),
      schema: z
        .record(z.string(), z.unknown())
        .refine((schema) => depthOf(schema) <= MAX_SCHEMA_DEPTH, {
          message: `the schema nests deeper than ${MAX_SCHEMA_DEPTH} levels`,
        }),
      strict: z.boolean().optional(),
    }),
  }),
]);

export const openRouterParamsSchema = z.strictObject({
  temperature: number(0, 2).optional(),
  top_p: z.number().gt(0, { message: "must be above 0" }).max(1).optional(),
  top_k: z.int().min(0).optional(),
  min_p: number(0, 1).optional(),
  top_a: number(0, 1).optional(),
  frequency_penalty: number(-2, 2).optional(),
  presence_penalty: number(-2, 2).optional(),
  repetition_penalty: z
    .number()
    .gt(0, { message: "must be above 0" })
    .max(2)
    .optional(),
  max_tokens: z.int().min(1).optional(),
  seed: z.int().optional(),
  stop: z
    .array(z.string().min(1).max(100))
    .max(4, { message: "at most 4 stop sequences" })
    .optional(),
  response_format: responseFormatSchema.optional(),
  logit_bias: z.record(z.string().regex(/^\d+$/), number(-100, 100)).optional(),
  tool_choice: z
    .union([
      z.enum(["auto", "none", "required"]),
      z.object({
        type: z.literal("function"),
        function: z.object({ name: z.string().min(1) }),
      }),
    ])
    .optional(),
  parallel_tool_calls: z.boolean().optional(),
  reasoning: z
    .strictObject({
      effort: z.enum(reasoningEfforts).optional(),
      max_tokens: z.int().min(1).optional(),
      exclude: z.boolean().optional(),
    })
    .refine((value) => !(value.effort && value.max_tokens), {
      message: "set an effort or a token budget, not both",
    })
    .optional(),
  provider: z
    .strictObject({
      order: z.array(z.string().min(1)).max(20).optional(),
      allow_fallbacks: z.boolean().optional(),
      sort: z.enum(["price", "throughput", "latency"]).optional(),
      data_collection: z.enum(["allow", "deny"]).optional(),
    })
    .optional(),
  models: z.array(z.string().min(1)).max(5).optional(),
  /** OpenRouter's server-side plugins; Parley offers web search. */
  plugins: z
    .array(
      z.object({
        id: z.literal("web"),
        max_results: z.int().min(1).max(10).optional(),
      }),
    )
    .max(1)
    .optional(),
});

export const generationSettingsSchema = z.strictObject({
  systemPrompt: z.string().max(50_000).optional(),
  /** Built-in tools switched off for this conversation. */
  disabledTools: z.array(z.string().min(1).max(64)).max(50).optional(),
  params: openRouterParamsSchema.default({}),
});

export type OpenRouterParams = z.infer<typeof openRouterParamsSchema>;
export type GenerationSettings = z.infer<typeof generationSettingsSchema>;

export const emptySettings: GenerationSettings = { params: {} };

/** Reads stored settings, dropping what no longer validates. */
export function readSettings(value: unknown): GenerationSettings {
  const parsed = generationSettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : emptySettings;
}
