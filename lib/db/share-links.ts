import "server-only";
import type { ShareLinkInfo, ShareMode } from "@/lib/share/link";
import type { ParleyMessage, TokenUsage } from "@/lib/types";
import { getDb } from "./client";
import { withDatabase } from "./errors";
import type { Prisma } from "./generated/client";

export type ShareLinkRecord = {
  token: string;
  conversationId: string;
  mode: string;
  snapshot: unknown;
  title: string | null;
  includeSystemPrompt: boolean;
  indexable: boolean;
  expiresAt: Date | null;
  revokedAt: Date | null;
  viewCount: number;
  createdAt: Date;
};

type WithTitle = ShareLinkRecord & { conversation: { title: string } };

export function createShareLink({
  token,
  conversationId,
  mode,
  snapshot,
  title,
  includeSystemPrompt,
  indexable,
  expiresAt,
}: {
  token: string;
  conversationId: string;
  mode: ShareMode;
  snapshot: object | null;
  title: string | null;
  includeSystemPrompt: boolean;
  indexable: boolean;
  expiresAt: Date | null;
}): Promise<ShareLinkInfo> {
  return withDatabase(async () => {
    const row = await getDb().shareLink.create({
      data: {
        token,
        conversationId,
        mode,
        snapshot: (snapshot ?? undefined) as Prisma.InputJsonValue | undefined,
        title,
        includeSystemPrompt,
        indexable,
        expiresAt,
      },
      include: { conversation: { select: { title: true } } },
    });
    return toShareLinkInfo(row);
  });
}

/** A user's links, or those of one of their conversations, newest first. */
export function listShareLinks({
  userId,
  conversationId,
}: {
  userId: string;
  conversationId?: string;
}): Promise<ShareLinkInfo[]> {
  return withDatabase(async () => {
    const rows = await getDb().shareLink.findMany({
      where: {
        conversation: { userId },
        ...(conversationId ? { conversationId } : {}),
      },
      include: { conversation: { select: { title: true } } },
      orderBy: [{ createdAt: "desc" }, { token: "asc" }],
    });
    return rows.map(toShareLinkInfo);
  });
}

/** A link that is neither revoked nor expired at `now`; null otherwise. */
export function getActiveShareLinkByToken({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<ShareLinkRecord | null> {
  return withDatabase(() =>
    getDb().shareLink.findFirst({
      where: {
        token,
        revokedAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      },
    }),
  );
}

/**
 * Revokes one of the user's links (idempotent); null when the token is
 * unknown or another user's.
 */
export function revokeShareLinkByToken({
  token,
  userId,
}: {
  token: string;
  userId: string;
}): Promise<ShareLinkInfo | null> {
  return withDatabase(async () => {
    const db = getDb();
    const existing = await db.shareLink.findFirst({
      where: { token, conversation: { userId } },
    });
    if (!existing) return null;
    const row = await db.shareLink.update({
      where: { token },
      data: { revokedAt: existing.revokedAt ?? new Date() },
      include: { conversation: { select: { title: true } } },
    });
    return toShareLinkInfo(row);
  });
}

export function incrementShareLinkViewsByToken({
  token,
}: {
  token: string;
}): Promise<void> {
  return withDatabase(async () => {
    await getDb().shareLink.updateMany({
      where: { token },
      data: { viewCount: { increment: 1 } },
    });
  });
}

/**
 * A new conversation holding copies of shared messages, one chain, in one
 * transaction: either all of it exists afterwards or none.
 */
export function createConversationCopy({
  conversation,
  messages,
}: {
  conversation: {
    id: string;
    userId: string;
    title: string;
    model: string;
    settings: object;
  };
  messages: (Pick<ParleyMessage, "id" | "role" | "parts"> & {
    status: string;
    model: string | null;
    cost: number | null;
    usage: TokenUsage | undefined;
    reasoningMs: number | null;
  })[];
}): Promise<void> {
  return withDatabase(async () => {
    const db = getDb();
    const start = Date.now();
    await db.$transaction([
      db.conversation.create({
        data: {
          ...conversation,
          // The shared title stays: no generated one replaces it.
          titleSource: "generated",
          settings: conversation.settings as Prisma.InputJsonValue,
          activeLeafId: messages.at(-1)?.id ?? null,
        },
      }),
      ...messages.map((message, index) =>
        db.message.create({
          data: {
            id: message.id,
            conversationId: conversation.id,
            parentId: messages[index - 1]?.id ?? null,
            role: message.role,
            parts: message.parts as Prisma.InputJsonValue,
            status: message.status,
            model: message.model,
            cost: message.cost,
            promptTokens: message.usage?.prompt,
            completionTokens: message.usage?.completion,
            reasoningTokens: message.usage?.reasoning,
            cachedTokens: message.usage?.cached,
            reasoningMs: message.reasoningMs,
            // Strictly increasing, so the copied order never ties.
            createdAt: new Date(start + index),
          },
        }),
      ),
    ]);
  });
}

function toShareLinkInfo(row: WithTitle): ShareLinkInfo {
  return {
    token: row.token,
    url: `/share/${row.token}`,
    mode: row.mode === "live" ? "live" : "snapshot",
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    viewCount: row.viewCount,
    createdAt: row.createdAt.toISOString(),
    includeSystemPrompt: row.includeSystemPrompt,
    indexable: row.indexable,
    conversationTitle: row.title ?? row.conversation.title,
  };
}
