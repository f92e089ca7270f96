import { readFixtureJson } from "./fixtures";

const MODELS_FIXTURE = "models-list-2026-08-subset.json";

// The app's default model; no capture of it exists, so it is written from
// the listing's shape (§8.1).
const deepseekV4Flash = {
  id: "deepseek/deepseek-v4-flash",
  canonical_slug: "deepseek/deepseek-v4-flash",
  hugging_face_id: "",
  name: "DeepSeek: DeepSeek V4 Flash",
  created: 1785000000,
  description: "DeepSeek V4 Flash, a fast reasoning model (fake listing).",
  context_length: 1048576,
  architecture: {
    modality: "text->text",
    input_modalities: ["text"],
    output_modalities: ["text"],
    tokenizer: "DeepSeek",
    instruct_type: null,
  },
  pricing: { prompt: "0.0000001", completion: "0.0000002" },
  top_provider: {
    context_length: 1048576,
    max_completion_tokens: null,
    is_moderated: false,
  },
  per_request_limits: null,
  supported_parameters: [
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
  default_parameters: {},
  supported_voices: null,
  knowledge_cutoff: null,
  expiration_date: null,
  links: { details: "/api/v1/models/deepseek/deepseek-v4-flash/endpoints" },
  reasoning: {
    mandatory: false,
    supported_efforts: ["xhigh", "high", "medium", "low", "minimal", "none"],
  },
};

/** `GET /api/v1/models`: the recorded subset plus DeepSeek V4 Flash. */
export function loadModelsBody() {
  const recorded = readFixtureJson(MODELS_FIXTURE) as { data: unknown[] };
  const data = [deepseekV4Flash, ...recorded.data];
  return { data, total_count: data.length, links: { next: null } };
}

/** `GET /api/v1/key` in the OAS example's shape (§8.2). */
export function keyBody(apiKey: string) {
  return {
    data: {
      label: `${apiKey.slice(0, 8)}...${apiKey.slice(-3)}`,
      limit: null,
      limit_reset: null,
      limit_remaining: null,
      include_byok_in_limit: false,
      usage: 0,
      usage_daily: 0,
      usage_weekly: 0,
      usage_monthly: 0,
      byok_usage: 0,
      byok_usage_daily: 0,
      byok_usage_weekly: 0,
      byok_usage_monthly: 0,
      is_free_tier: false,
      is_management_key: false,
      is_provisioning_key: false,
      creator_user_id: "user_fake",
      expires_at: null,
      rate_limit: { requests: -1, interval: "10s" },
    },
  };
}
