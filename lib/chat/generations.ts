import "server-only";

export type StopReason = "user" | "shutdown";

export type Generation = {
  conversationId: string;
  messageId: string;
  controller: AbortController;
  stopReason?: StopReason;
};

// Replies run to their end on the server even when the browser goes away, so
// the only handle on a running reply is this registry. It is per process:
// stopping from another instance needs a shared channel (Redis).
const globalForGenerations = globalThis as unknown as {
  parleyGenerations?: Map<string, Generation>;
};
globalForGenerations.parleyGenerations ??= new Map();
const active = globalForGenerations.parleyGenerations;

export function registerGeneration({
  conversationId,
  messageId,
}: {
  conversationId: string;
  messageId: string;
}): Generation {
  const generation: Generation = {
    conversationId,
    messageId,
    controller: new AbortController(),
  };
  active.set(messageId, generation);
  return generation;
}

export function releaseGeneration(messageId: string): void {
  active.delete(messageId);
}

/** Stops every reply running for a conversation; returns how many. */
export function stopGenerations({
  conversationId,
  reason,
}: {
  conversationId?: string;
  reason: StopReason;
}): number {
  let stopped = 0;
  for (const generation of active.values()) {
    if (conversationId && generation.conversationId !== conversationId) {
      continue;
    }
    generation.stopReason = reason;
    generation.controller.abort(reason);
    stopped += 1;
  }
  return stopped;
}

export function countGenerations(): number {
  return active.size;
}
