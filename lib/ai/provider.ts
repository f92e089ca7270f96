import "server-only";
import {
  createOpenRouter,
  type OpenRouterProvider,
} from "@openrouter/ai-sdk-provider";
import { getEnv } from "@/lib/env";
import { createUpstreamFetch } from "./upstream-fetch";

let provider: OpenRouterProvider | undefined;

/** The one place that knows how Parley reaches OpenRouter. */
function getProvider(): OpenRouterProvider {
  if (provider) return provider;
  const env = getEnv();
  provider = createOpenRouter({
    apiKey: env.OPENROUTER_API_KEY,
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
  return provider;
}

export function getChatModel(modelId: string) {
  return getProvider().chat(modelId);
}

export function hasApiKey(): boolean {
  return getEnv().OPENROUTER_API_KEY !== undefined;
}
