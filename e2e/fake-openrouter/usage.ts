import type { UsageOverride } from "./scenarios";

// DeepSeek V4 Flash list prices (USD per token), used for every model so
// that cost is always a plausible non-zero number.
const PROMPT_PRICE = 0.0000001;
const COMPLETION_PRICE = 0.0000002;

export interface TokenCounts {
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
}

export type WireUsage = {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost: number | null;
  is_byok: false;
  prompt_tokens_details: { cached_tokens: number; cache_write_tokens: 0 };
  completion_tokens_details: { reasoning_tokens: number };
  cost_details: {
    upstream_inference_cost: null;
    upstream_inference_prompt_cost: number;
    upstream_inference_completions_cost: number;
  };
};

/** Usage as §4.4, computed from the counts unless the scenario overrides. */
export function wireUsage(
  counts: TokenCounts,
  override: UsageOverride = {},
  costNull = false,
): WireUsage {
  const prompt = override.promptTokens ?? counts.promptTokens;
  const completion = override.completionTokens ?? counts.completionTokens;
  const promptCost = roundCost(prompt * PROMPT_PRICE);
  const completionCost = roundCost(completion * COMPLETION_PRICE);
  const cost = override.cost ?? roundCost(promptCost + completionCost);
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    cost: costNull ? null : cost,
    is_byok: false,
    prompt_tokens_details: {
      cached_tokens: override.cachedTokens ?? 0,
      cache_write_tokens: 0,
    },
    completion_tokens_details: {
      reasoning_tokens: override.reasoningTokens ?? counts.reasoningTokens,
    },
    cost_details: {
      upstream_inference_cost: null,
      upstream_inference_prompt_cost: promptCost,
      upstream_inference_completions_cost: completionCost,
    },
  };
}

function roundCost(value: number): number {
  return Number(value.toFixed(12));
}
