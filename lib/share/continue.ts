import "server-only";
import { randomUUID } from "node:crypto";
import { createConversationCopy } from "@/lib/db/share-links";
import { resolveShare } from "./shared-view";

/**
 * Copies what a link shows right now into a new conversation of the
 * viewer's own: new ids, the same model, the system prompt only if the
 * link shares it. The original is only read.
 */
export async function continueShare({
  token,
  userId,
}: {
  token: string;
  /** The viewer, who owns the copy. */
  userId: string;
}): Promise<{ conversationId: string }> {
  const { view } = await resolveShare({ token });
  const conversationId = randomUUID();
  // Replies still streaming in a live link are copied as what was saved.
  const messages = view.messages.map((message) => {
    const status = message.metadata?.status;
    return {
      id: randomUUID(),
      role: message.role,
      parts: message.parts,
      status: status === "streaming" ? "interrupted" : (status ?? "complete"),
      model: message.metadata?.model ?? null,
      cost: message.metadata?.cost ?? null,
      usage: message.metadata?.usage,
      reasoningMs: message.metadata?.reasoningMs ?? null,
    };
  });
  await createConversationCopy({
    conversation: {
      id: conversationId,
      userId,
      title: view.title || "Shared conversation",
      model: view.model,
      settings: view.systemPrompt ? { systemPrompt: view.systemPrompt } : {},
    },
    messages,
  });
  return { conversationId };
}
