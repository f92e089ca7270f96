import "server-only";
import {
  deleteConversationById,
  getConversationById,
} from "@/lib/db/conversations";
import { stopGenerations } from "./generations";

/**
 * Deletes a conversation with its messages; false when it doesn't exist. A
 * reply still running for it is stopped first, so that it neither keeps
 * paying for tokens nor tries to save into a deleted conversation.
 */
export async function deleteConversation({
  id,
  userId,
}: {
  id: string;
  userId: string;
}): Promise<boolean> {
  if (!(await getConversationById({ id, userId }))) return false;
  stopGenerations({ conversationId: id, reason: "user" });
  return deleteConversationById({ id, userId });
}
