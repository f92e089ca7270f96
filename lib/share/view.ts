import type { ParleyMessage } from "@/lib/types";

/** What a shared page shows: compact, and free of ids and provider data. */
export type SharedMessage = {
  role: ParleyMessage["role"];
  parts: ParleyMessage["parts"];
  metadata: ParleyMessage["metadata"];
};

export type SharedView = {
  title: string;
  model: string;
  /** Only when the owner chose to include it. */
  systemPrompt?: string;
  messages: SharedMessage[];
};

/** Strips what a stranger must not see: ids and providerMetadata. */
export function toSharedMessage(message: ParleyMessage): SharedMessage {
  return {
    role: message.role,
    parts: message.parts.map(stripPart),
    metadata: message.metadata,
  };
}

function stripPart(part: ParleyMessage["parts"][number]) {
  if (!("providerMetadata" in part) && !("callProviderMetadata" in part)) {
    return part;
  }
  const {
    providerMetadata: _provider,
    callProviderMetadata: _call,
    ...rest
  } = part as Record<string, unknown>;
  return rest as ParleyMessage["parts"][number];
}

/** The first ~200 characters of the first message, for Open Graph. */
export function describeSharedView(view: SharedView): string {
  const first = view.messages[0];
  const text = (first?.parts ?? [])
    .flatMap((part) => (part.type === "text" ? [part.text] : []))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** Reads a stored snapshot back; anything malformed shows as empty. */
export function readSnapshot(value: unknown): SharedView | null {
  if (!value || typeof value !== "object") return null;
  const view = value as Partial<SharedView>;
  if (typeof view.model !== "string" || !Array.isArray(view.messages)) {
    return null;
  }
  return {
    title: typeof view.title === "string" ? view.title : "",
    model: view.model,
    systemPrompt:
      typeof view.systemPrompt === "string" ? view.systemPrompt : undefined,
    messages: view.messages,
  };
}
