import "server-only";
import { loadThread } from "@/lib/chat/branch";
import { getConversationById } from "@/lib/db/conversations";
import {
  getActiveShareLinkByToken,
  type ShareLinkRecord,
} from "@/lib/db/share-links";
import { readSettings } from "@/lib/settings/schema";
import { shareNotFound } from "./errors";
import { isShareTokenShape } from "./token";
import { readSnapshot, type SharedView, toSharedMessage } from "./view";

/**
 * The conversation's shown branch as a stranger may see it; null when the
 * conversation is gone. Live links build it on every request, snapshots
 * once, when created.
 */
export async function buildSharedView({
  conversationId,
  includeSystemPrompt,
}: {
  conversationId: string;
  includeSystemPrompt: boolean;
}): Promise<SharedView | null> {
  // Reached through a link (its token is the key) or by the owner, whose
  // ownership the caller checked.
  const conversation = await getConversationById({
    id: conversationId,
    userId: null,
  });
  if (!conversation) return null;
  const thread = await loadThread({ conversationId, userId: null });
  const systemPrompt = readSettings(conversation.settings).systemPrompt;
  return {
    title: conversation.title,
    model: conversation.model,
    ...(includeSystemPrompt && systemPrompt ? { systemPrompt } : {}),
    messages: (thread?.messages ?? []).map(toSharedMessage),
  };
}

/**
 * The link and what it shows right now. Unknown, malformed, revoked and
 * expired tokens all throw the same not-found error.
 */
export async function resolveShare({
  token,
}: {
  token: string;
}): Promise<{ link: ShareLinkRecord; view: SharedView }> {
  if (!isShareTokenShape(token)) throw shareNotFound();
  const link = await getActiveShareLinkByToken({ token });
  if (!link) throw shareNotFound();
  const view =
    link.mode === "live"
      ? await buildSharedView({
          conversationId: link.conversationId,
          includeSystemPrompt: link.includeSystemPrompt,
        })
      : readSnapshot(link.snapshot);
  if (!view) throw shareNotFound();
  return { link, view };
}
