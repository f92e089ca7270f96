import type { ParleyMessage, StoredMessage } from "@/lib/types";

/**
 * The messages a conversation shows: from the root down, taking the newest
 * child at each fork. Messages arrive ordered by creation time, so the last
 * child seen of a parent is its newest.
 */
export function activePath(messages: StoredMessage[]): StoredMessage[] {
  const newestChild = new Map<string | null, StoredMessage>();
  for (const message of messages) newestChild.set(message.parentId, message);
  const path: StoredMessage[] = [];
  let next = newestChild.get(null);
  while (next && path.length < messages.length) {
    path.push(next);
    next = newestChild.get(next.id);
  }
  return path;
}

/** The chain from the root to `id`, inclusive; empty if `id` is unknown. */
export function pathTo(messages: StoredMessage[], id: string): StoredMessage[] {
  const byId = new Map(messages.map((message) => [message.id, message]));
  const path: StoredMessage[] = [];
  let current = byId.get(id);
  while (current && path.length < messages.length) {
    path.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

export function toUIMessage(message: StoredMessage): ParleyMessage {
  return {
    id: message.id,
    role: message.role,
    parts: message.parts,
    metadata: {
      status: message.status,
      model: message.model ?? undefined,
      finishReason: message.finishReason ?? undefined,
      usage: message.usage ?? undefined,
      cost: message.cost ?? undefined,
      reasoningMs: message.reasoningMs ?? undefined,
      error: message.error ?? undefined,
    },
  };
}
