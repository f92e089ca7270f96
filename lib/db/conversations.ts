import "server-only";
import type { ConversationSummary } from "@/lib/types";
import { getDb } from "./client";
import { withDatabase } from "./errors";
import type { Prisma } from "./generated/client";

export type Conversation = {
  id: string;
  title: string;
  model: string;
  settings: unknown;
  createdAt: Date;
  updatedAt: Date;
};

export function listConversations({
  limit = 200,
}: {
  limit?: number;
} = {}): Promise<ConversationSummary[]> {
  return withDatabase(async () => {
    const rows = await getDb().conversation.findMany({
      select: {
        id: true,
        title: true,
        titleSource: true,
        pinned: true,
        updatedAt: true,
      },
      orderBy: { updatedAt: "desc" },
      take: limit,
    });
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      titleSource: row.titleSource as ConversationSummary["titleSource"],
      pinned: row.pinned,
      updatedAt: row.updatedAt.toISOString(),
    }));
  });
}

export function getConversationById({
  id,
}: {
  id: string;
}): Promise<Conversation | null> {
  return withDatabase(() => getDb().conversation.findUnique({ where: { id } }));
}

/** Changes a conversation's model or settings; null when it doesn't exist. */
export function updateConversation({
  id,
  model,
  settings,
}: {
  id: string;
  model?: string;
  settings?: object;
}): Promise<Conversation | null> {
  return withDatabase(async () => {
    const result = await getDb().conversation.updateMany({
      where: { id },
      data: {
        model,
        settings: settings as Prisma.InputJsonValue | undefined,
      },
    });
    if (result.count === 0) return null;
    return getDb().conversation.findUnique({ where: { id } });
  });
}
