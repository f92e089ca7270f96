import "server-only";
import {
  getMessageTreeByConversationId,
  updateActiveLeaf,
} from "@/lib/db/branches";
import type { Owner } from "@/lib/db/conversations";
import { ParleyError } from "@/lib/errors";
import {
  activePath,
  branchThrough,
  type ThreadView,
  toThreadView,
} from "./thread";

/** The branch a conversation shows; null when it doesn't exist. */
export async function loadThread({
  conversationId,
  userId,
}: {
  conversationId: string;
  userId: Owner;
}): Promise<ThreadView | null> {
  const tree = await getMessageTreeByConversationId({ conversationId, userId });
  if (!tree) return null;
  const path = activePath(tree.messages, tree.activeLeafId);
  return toThreadView(tree.messages, path);
}

/**
 * Shows `siblingId` in place of `messageId`, its other version, with the
 * newest replies below it, and remembers that choice.
 */
export async function showVersion({
  conversationId,
  userId,
  messageId,
  siblingId,
}: {
  conversationId: string;
  userId: string;
  messageId: string;
  siblingId: string;
}): Promise<ThreadView> {
  const tree = await getMessageTreeByConversationId({ conversationId, userId });
  if (!tree) throw conversationNotFound();
  const shown = tree.messages.find((message) => message.id === messageId);
  const sibling = tree.messages.find((message) => message.id === siblingId);
  if (!shown || !sibling) {
    throw new ParleyError(
      "not_found:message",
      "The message to switch is not part of this conversation.",
    );
  }
  if (shown.parentId !== sibling.parentId) {
    throw new ParleyError(
      "bad_request:message",
      "These two messages are not versions of each other.",
    );
  }
  const path = branchThrough(tree.messages, sibling.id);
  const leafId = path.at(-1)?.id ?? sibling.id;
  if (!(await updateActiveLeaf({ conversationId, userId, leafId }))) {
    throw conversationNotFound();
  }
  return toThreadView(tree.messages, path);
}

export function conversationNotFound(): ParleyError {
  return new ParleyError(
    "not_found:conversation",
    "This conversation does not exist.",
  );
}
