import "server-only";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import type { ModelInfo } from "@/lib/types";

const CACHE_MS = 10 * 60 * 1000;
const FETCH_TIMEOUT_MS = 10_000;

/** Known before any fetch, so the app works offline and on first start. */
export const builtInModels: ModelInfo[] = [
  {
    id: "deepseek/deepseek-v4-flash",
    name: "DeepSeek: DeepSeek V4 Flash",
    contextLength: 1_048_576,
    promptPrice: 0.1,
    completionPrice: 0.2,
    supportedParameters: [
      "reasoning",
      "include_reasoning",
      "tools",
      "tool_choice",
      "temperature",
      "top_p",
      "top_k",
      "min_p",
      "frequency_penalty",
      "presence_penalty",
      "repetition_penalty",
      "seed",
      "stop",
      "max_tokens",
      "response_format",
      "logit_bias",
      "structured_outputs",
    ],
    reasoningEfforts: ["xhigh", "high", "medium", "low", "minimal", "none"],
  },
];

const price = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => {
    const perToken = Number(value);
    // OpenRouter prices per token; people compare prices per million.
    return value == null || !Number.isFinite(perToken)
      ? null
      : Math.round(perToken * 1e6 * 1e6) / 1e6;
  });

const upstreamModelSchema = z.object({
  id: z.string().min(1),
  name: z.string().default(""),
  context_length: z.number().nullish(),
  pricing: z.object({ prompt: price, completion: price }).partial().nullish(),
  supported_parameters: z.array(z.string()).nullish(),
  reasoning: z
    .object({ supported_efforts: z.array(z.string()).nullish() })
    .nullish(),
});

const upstreamListSchema = z.object({ data: z.array(z.unknown()) });

type Catalog = { models: ModelInfo[]; fetchedAt: number };
let cached: Catalog | undefined;
let pending: Promise<Catalog> | undefined;

export type ModelList = { models: ModelInfo[]; stale: boolean };

/**
 * OpenRouter's model list, fetched by the server and cached. When OpenRouter
 * cannot be reached the last good copy is served, marked stale; before any
 * copy exists, the built-in entries are.
 */
export async function listModels(): Promise<ModelList> {
  if (cached && Date.now() - cached.fetchedAt < CACHE_MS) {
    return { models: cached.models, stale: false };
  }
  pending ??= fetchCatalog().finally(() => {
    pending = undefined;
  });
  try {
    cached = await pending;
    return { models: cached.models, stale: false };
  } catch (error) {
    log.warn("model list unavailable", {
      error: error instanceof Error ? error.message : String(error),
    });
    return { models: cached?.models ?? builtInModels, stale: true };
  }
}

export async function findModel(id: string): Promise<ModelInfo | undefined> {
  const { models } = await listModels();
  return models.find((model) => model.id === id);
}

async function fetchCatalog(): Promise<Catalog> {
  const env = getEnv();
  const response = await fetch(`${env.OPENROUTER_BASE_URL}/models`, {
    headers: env.OPENROUTER_API_KEY
      ? { Authorization: `Bearer ${env.OPENROUTER_API_KEY}` }
      : {},
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`GET /models answered ${response.status}`);
  const list = upstreamListSchema.parse(await response.json());
  const models: ModelInfo[] = [];
  for (const entry of list.data) {
    // One odd entry must not cost the whole list.
    const parsed = upstreamModelSchema.safeParse(entry);
    if (parsed.success) models.push(toModelInfo(parsed.data));
  }
  for (const builtIn of builtInModels) {
    if (!models.some((model) => model.id === builtIn.id)) models.push(builtIn);
  }
  models.sort((a, b) => a.name.localeCompare(b.name));
  return { models, fetchedAt: Date.now() };
}

function toModelInfo(model: z.infer<typeof upstreamModelSchema>): ModelInfo {
  return {
    id: model.id,
    name: model.name || model.id,
    contextLength: model.context_length ?? null,
    promptPrice: model.pricing?.prompt ?? null,
    completionPrice: model.pricing?.completion ?? null,
    supportedParameters: model.supported_parameters ?? [],
    reasoningEfforts: model.reasoning?.supported_efforts ?? undefined,
  };
}
