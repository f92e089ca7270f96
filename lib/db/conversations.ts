import "server-only";
import type { ConversationSummary } from "@/lib/types";
import { getDb } from "./client";
import { withDatabase } from "./errors";

export type Conversation = {
  id: string;
  title: string;
  model: string;
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
      select: { id: true, title: true, updatedAt: true },
      orderBy: { updatedAt: "desc" },
      take: limit,
    });
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
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
