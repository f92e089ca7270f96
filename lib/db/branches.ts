import "server-only";
import type { StoredMessage } from "@/lib/types";
import { getDb } from "./client";
import type { Owner } from "./conversations";
import { withDatabase } from "./errors";
import { toStoredMessage } from "./messages";

export type MessageTree = {
  /** The last message of the branch shown; null for the newest branch. */
  activeLeafId: string | null;
  /** Every message, oldest first. */
  messages: StoredMessage[];
};

/** A conversation's whole message tree; null when it doesn't exist. */
export function getMessageTreeByConversationId({
  conversationId,
  userId,
}: {
  conversationId: string;
  userId: Owner;
}): Promise<MessageTree | null> {
  return withDatabase(async () => {
    const row = await getDb().conversation.findFirst({
      where: {
        id: conversationId,
        ...(userId === null ? {} : { userId }),
      },
      select: {
        activeLeafId: true,
        messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      },
    });
    if (!row) return null;
    return {
      activeLeafId: row.activeLeafId,
      messages: row.messages.map(toStoredMessage),
    };
  });
}

/**
 * Records which branch a conversation shows; false when the conversation
 * doesn't exist. Showing another version is not new activity, so the
 * conversation keeps its place in the list (`updatedAt` is left as it was).
 */
export function updateActiveLeaf({
  conversationId,
  userId,
  leafId,
}: {
  conversationId: string;
  userId: string;
  leafId: string;
}): Promise<boolean> {
  return withDatabase(() =>
    getDb().$transaction(async (db) => {
      const current = await db.conversation.findFirst({
        where: { id: conversationId, userId },
        select: { updatedAt: true },
      });
      if (!current) return false;
      await db.conversation.update({
        where: { id: conversationId },
        data: { activeLeafId: leafId, updatedAt: current.updatedAt },
      });
      return true;
    }),
  );
}
