import "server-only";
import { conversationNotFound } from "@/lib/chat/branch";
import { createShareLink } from "@/lib/db/share-links";
import type { ShareLinkInfo, ShareMode } from "./link";
import { buildSharedView } from "./shared-view";
import { newShareToken } from "./token";

/** A new link; a snapshot freezes the shown branch now. */
export async function createShare({
  conversationId,
  mode,
  expiresAt,
  includeSystemPrompt,
  indexable,
}: {
  conversationId: string;
  mode: ShareMode;
  expiresAt: Date | null;
  includeSystemPrompt: boolean;
  indexable: boolean;
}): Promise<ShareLinkInfo> {
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
