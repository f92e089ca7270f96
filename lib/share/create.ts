import "server-only";
import { conversationNotFound } from "@/lib/chat/branch";
import { getConversationById } from "@/lib/db/conversations";
import { createShareLink } from "@/lib/db/share-links";
import type { ShareLinkInfo, ShareMode } from "./link";
import { buildSharedView } from "./shared-view";
import { newShareToken } from "./token";

/** A new link; a snapshot freezes the shown branch now. */
export async function createShare({
  conversationId,
  userId,
  mode,
  expiresAt,
  includeSystemPrompt,
  indexable,
}: {
  conversationId: string;
  userId: string;
  mode: ShareMode;
  expiresAt: Date | null;
  includeSystemPrompt: boolean;
  indexable: boolean;
}): Promise<ShareLinkInfo> {
  if (!(await getConversationById({ id: conversationId, userId }))) {
    throw conversationNotFound();
  }
  const view = await buildSharedView({ conversationId, includeSystemPrompt });
  if (!view) throw conversationNotFound();
  return createShareLink({
    token: newShareToken(),
    conversationId,
    mode,
    snapshot: mode === "snapshot" ? view : null,
    title: mode === "snapshot" ? view.title : null,
    includeSystemPrompt,
    indexable,
    expiresAt,
  });
}
