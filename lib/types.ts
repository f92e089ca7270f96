import type { UIMessage } from "ai";

/** Where a message stands. Only assistant replies pass through `streaming`. */
export type MessageStatus =
  | "streaming"
  | "complete"
  | "stopped"
  | "failed"
  | "interrupted";

export type TokenUsage = {
  prompt: number;
  completion: number;
  reasoning: number;
  cached: number;
};

/** Sent with every streamed reply and stored with every message. */
export type MessageMetadata = {
  status?: MessageStatus;
  model?: string;
  finishReason?: string;
  usage?: TokenUsage;
  /** USD, as OpenRouter reports it. */
  cost?: number;
  /** How long the model reasoned, measured on the server. */
  reasoningMs?: number;
  error?: { code: string; message: string };
};

/** The one message type of the app, on the server and in the browser. */
export type ParleyMessage = UIMessage<MessageMetadata>;

export type ConversationSummary = {
  id: string;
  title: string;
  /** "message": still the first words; a generated title may follow. */
  titleSource: "message" | "generated" | "user";
  pinned: boolean;
  updatedAt: string;
};

/** One page of the sidebar's list (`GET /api/conversations`). */
export type ConversationPage = {
  conversations: ConversationSummary[];
  /** Where the next page starts; null after the last one. */
  nextCursor: string | null;
};

/** One conversation found by `GET /api/search`. */
export type SearchResult = {
  conversationId: string;
  title: string;
  updatedAt: string;
  /** Text around the best match; `match` pieces are shown highlighted. */
  snippet: { text: string; match: boolean }[];
};

/** OpenRouter data kept per model step, to send back on later turns. */
export type StepProviderData = {
  /** `reasoning_details` exactly as OpenRouter returned them (may be []). */
  reasoningDetails?: unknown[];
};

export type StoredMessage = {
  id: string;
  conversationId: string;
  parentId: string | null;
  role: "user" | "assistant";
  parts: ParleyMessage["parts"];
  status: MessageStatus;
  model: string | null;
  finishReason: string | null;
  error: { code: string; message: string } | null;
  usage: TokenUsage | null;
  cost: number | null;
  reasoningMs?: number | null;
  steps: StepProviderData[];
  createdAt: Date;
};

/** A model as the picker shows it. Prices are USD per million tokens. */
export type ModelInfo = {
  id: string;
  name: string;
  contextLength: number | null;
  promptPrice: number | null;
  completionPrice: number | null;
  supportedParameters: string[];
  reasoningEfforts?: string[];
};

/** Which OpenRouter key replies use; never the key itself (lib/keys). */
export type OpenRouterKeyStatus = {
  stored: {
    lastFour: string;
    source: "pasted" | "oauth";
    createdAt: string;
    /** Sealed with another secret: BETTER_AUTH_SECRET changed since. */
    unreadable: boolean;
  } | null;
  /** OPENROUTER_API_KEY is set and allowed: the fallback without a key. */
  serverKey: boolean;
  /** OPENROUTER_API_KEY is set, but the administrator denies it here. */
  serverKeyDenied: boolean;
};

/** What OpenRouter says of a key (`GET /api/v1/key`). */
export type OpenRouterKeyInfo = {
  label: string;
  /** Dollars spent with it so far. */
  usage: number;
  /** Its credit limit in dollars, null for none. */
  limit: number | null;
  limitRemaining: number | null;
  isFreeTier: boolean;
};
