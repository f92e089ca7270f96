import "server-only";
import type { JSONValue } from "ai";
import type { Conversation } from "@/lib/db/conversations";
import { getAppSettings } from "@/lib/db/settings";
import { getEnv } from "@/lib/env";
import { type GenerationSettings, readSettings } from "@/lib/settings/schema";

export type ConversationSetup = {
  model: string;
  settings: GenerationSettings;
};

/**
 * The model and settings a reply runs with: the conversation's own, or, for
 * a conversation being created, what the browser chose, falling back to the
 * app-wide defaults and then to DEFAULT_MODEL.
 */
export async function resolveSetup({
  userId,
  conversation,
  requested,
}: {
  userId: string;
  conversation: Conversation | null;
  requested?: Partial<ConversationSetup>;
}): Promise<ConversationSetup> {
  if (conversation) {
    return {
      model: conversation.model,
      settings: readSettings(conversation.settings),
    };
  }
  const defaults = await loadAppDefaults({ userId });
  return {
    model: requested?.model ?? defaults.model,
    settings: requested?.settings ?? defaults.settings,
  };
}

/** The user's defaults, or DEFAULT_MODEL and no settings when none are saved. */
export async function loadAppDefaults({
  userId,
}: {
  userId: string;
}): Promise<ConversationSetup> {
  const saved = await getAppSettings({ userId });
  return {
    model: saved?.model ?? getEnv().DEFAULT_MODEL,
    settings: readSettings(saved?.settings),
  };
}

/**
 * The request fields OpenRouter gets from the settings, under their API
 * names. The provider spreads them into the request body as they are.
 */
export function toProviderOptions(settings: GenerationSettings): {
  openrouter: Record<string, JSONValue>;
} {
  // A JSON round trip drops the keys that are present but undefined.
  return { openrouter: JSON.parse(JSON.stringify(settings.params)) };
}
