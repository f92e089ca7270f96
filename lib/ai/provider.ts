import "server-only";
import {
  createOpenRouter,
  type OpenRouterProvider,
} from "@openrouter/ai-sdk-provider";
import { getEnv } from "@/lib/env";
import { createUpstreamFetch } from "./upstream-fetch";

// One provider per key in use: the server's, and a stored one (lib/keys).
const providers = new Map<string, OpenRouterProvider>();
const MAX_PROVIDERS = 16;

/** The one place that knows how Parley reaches OpenRouter. */
function getProvider(apiKey: string): OpenRouterProvider {
  const known = providers.get(apiKey);
  if (known) return known;
  const env = getEnv();
  const provider = createOpenRouter({
    apiKey,
    baseURL: env.OPENROUTER_BASE_URL,
    appName: env.APP_NAME,
    appUrl: env.APP_URL,
    // The provider sends X-OpenRouter-Title; X-Title is the name OpenRouter's
    // attribution docs have used longest, and both are accepted.
    headers: { "X-Title": env.APP_NAME },
    fetch: createUpstreamFetch({
      headersTimeoutSeconds: env.UPSTREAM_IDLE_TIMEOUT_SECONDS,
    }),
  });
  // Keys replaced in Settings leave theirs behind; keep the map small.
  if (providers.size >= MAX_PROVIDERS) providers.clear();
  providers.set(apiKey, provider);
  return provider;
}

/** A model of OpenRouter's, called with `apiKey` (see resolveApiKey). */
export function getChatModel(modelId: string, apiKey: string) {
  return getProvider(apiKey).chat(modelId);
}
