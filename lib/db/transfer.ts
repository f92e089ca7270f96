import "server-only";
import { ParleyError } from "@/lib/errors";
import type {
  ExportedConversation,
  ExportedMessage,
} from "@/lib/export/format";
import { parentsFirst } from "@/lib/export/order";
import { getDb } from "./client";
import { withDatabase } from "./errors";
import { Prisma } from "./generated/client";

/** SQLite allows 32,766 bound values per statement; stay well below. */
const BATCH = 500;

/** Conversations with every message of every branch, parents first. */
export function getConversationsForExport({
  userId,
  id,
}: {
  userId: string;
  /** One of the user's conversations, or all of them. */
  id?: string;
}): Promise<ExportedConversation[]> {
  return withDatabase(async () => {
    const rows = await getDb().conversation.findMany({
      where: id === undefined ? { userId } : { id, userId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: {
        messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      },
    });
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      titleSource: toTitleSource(row.titleSource),
      model: row.model,
      settings: (row.settings ?? null) as ExportedConversation["settings"],
      pinned: row.pinned,
      activeLeafId: row.activeLeafId,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      messages: parentsFirst(row.messages.map(toExportedMessage)),
    }));
  });
}

export type ImportSummary = {
  conversationsCreated: number;
  conversationsUpdated: number;
  messagesAdded: number;
  messagesSkipped: number;
};

/**
 * Adds what a validated export holds and this database lacks, in one
 * transaction: conversations that are missing, and the messages missing from
 * conversations that exist. Nothing present is changed or duplicated, so an
 * import can be repeated. A message id that belongs to another conversation
 * here refuses the whole file.
 */
export function importConversations({
  userId,
  conversations,
}: {
  /** Who owns what is imported. */
  userId: string;
  conversations: ExportedConversation[];
}): Promise<ImportSummary> {
  return withDatabase(() =>
    getDb().$transaction(
      async (db) => {
        const summary: ImportSummary = {
          conversationsCreated: 0,
          conversationsUpdated: 0,
          messagesAdded: 0,
          messagesSkipped: 0,
        };
        const existingConversations = new Set<string>();
        for (const ids of batches(conversations.map((item) => item.id))) {
          const rows = await db.conversation.findMany({
            where: { id: { in: ids } },
            select: { id: true, userId: true },
          });
          for (const row of rows) {
            // Another account's copy of the same export is never merged
            // into: the file is refused, as for a message id taken below.
            if (row.userId !== userId) {
              throw new ParleyError(
                "conflict:import",
                `Conversation ${row.id} already exists in another account ` +
                  "here. Nothing was imported.",
              );
            }
            existingConversations.add(row.id);
          }
        }
        const ownerOf = new Map<string, string>();
        const allMessageIds = conversations.flatMap((item) =>
          item.messages.map((message) => message.id),
        );
        for (const ids of batches(allMessageIds)) {
          const rows = await db.message.findMany({
            where: { id: { in: ids } },
            select: { id: true, conversationId: true },
          });
          for (const row of rows) ownerOf.set(row.id, row.conversationId);
        }

        const newConversations: Prisma.ConversationCreateManyInput[] = [];
        const newMessages: Prisma.MessageCreateManyInput[] = [];
        for (const [index, conversation] of conversations.entries()) {
          const exists = existingConversations.has(conversation.id);
          let added = 0;
          for (const message of conversation.messages) {
            const owner = ownerOf.get(message.id);
            if (owner === undefined) {
              newMessages.push(toMessageRow(conversation.id, message));
              added += 1;
            } else if (owner === conversation.id) {
              summary.messagesSkipped += 1;
            } else {
              throw new ParleyError(
                "conflict:import",
                `Conversation ${index + 1} ("${conversation.title}"): ` +
                  `message ${message.id} already belongs to another ` +
                  "conversation here. Nothing was imported.",
              );
            }
          }
          if (!exists) {
            newConversations.push({
              ...toConversationRow(conversation),
              userId,
            });
            summary.conversationsCreated += 1;
          } else if (added > 0) {
            summary.conversationsUpdated += 1;
          }
          summary.messagesAdded += added;
        }
        for (const rows of batches(newConversations)) {
          await db.conversation.createMany({ data: rows });
        }
        // Parents come before children in the file, and so in the batches.
        for (const rows of batches(newMessages)) {
          await db.message.createMany({ data: rows });
        }
        return summary;
      },
      // A large file takes a while; the default 5 s would abort it.
      { timeout: 300_000, maxWait: 10_000 },
    ),
  );
}

function toExportedMessage(row: {
  id: string;
  parentId: string | null;
  role: string;
  parts: unknown;
  status: string;
  model: string | null;
  finishReason: string | null;
  error: unknown;
  promptTokens: number | null;
  completionTokens: number | null;
  reasoningTokens: number | null;
  cachedTokens: number | null;
  cost: number | null;
  reasoningMs: number | null;
  providerMetadata: unknown;
  createdAt: Date;
  updatedAt: Date;
}): ExportedMessage {
  const hasUsage = row.promptTokens !== null || row.completionTokens !== null;
  return {
    id: row.id,
    parentId: row.parentId,
    role: row.role === "user" ? "user" : "assistant",
    parts: row.parts as ExportedMessage["parts"],
    status: row.status as ExportedMessage["status"],
    model: row.model,
    finishReason: row.finishReason,
    error: (row.error ?? null) as ExportedMessage["error"],
    usage: hasUsage
      ? {
          prompt: row.promptTokens ?? 0,
          completion: row.completionTokens ?? 0,
          reasoning: row.reasoningTokens ?? 0,
          cached: row.cachedTokens ?? 0,
        }
      : null,
    cost: row.cost,
    reasoningMs: row.reasoningMs,
    providerMetadata: (row.providerMetadata ??
      null) as ExportedMessage["providerMetadata"],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toConversationRow(
  conversation: ExportedConversation,
): Prisma.ConversationCreateManyInput {
  return {
    id: conversation.id,
    title: conversation.title,
    titleSource: conversation.titleSource,
    model: conversation.model,
    settings: jsonOrNull(conversation.settings),
    pinned: conversation.pinned,
    activeLeafId: conversation.activeLeafId,
    createdAt: new Date(conversation.createdAt),
    updatedAt: new Date(conversation.updatedAt),
  };
}

function toMessageRow(
  conversationId: string,
  message: ExportedMessage,
): Prisma.MessageCreateManyInput {
  return {
    id: message.id,
    conversationId,
    parentId: message.parentId,
    role: message.role,
    parts: message.parts as Prisma.InputJsonValue,
    // A reply saved mid-stream will never finish here.
    status: message.status === "streaming" ? "interrupted" : message.status,
    model: message.model,
    finishReason: message.finishReason,
    error: jsonOrNull(message.error),
    promptTokens: message.usage?.prompt ?? null,
    completionTokens: message.usage?.completion ?? null,
    reasoningTokens: message.usage?.reasoning ?? null,
    cachedTokens: message.usage?.cached ?? null,
    cost: message.cost,
    reasoningMs: message.reasoningMs,
    providerMetadata: jsonOrNull(message.providerMetadata),
    createdAt: new Date(message.createdAt),
    updatedAt: new Date(message.updatedAt),
  };
}

function jsonOrNull(
  value: unknown,
): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null || value === undefined
    ? Prisma.DbNull
    : (value as Prisma.InputJsonValue);
}

function batches<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += BATCH) {
    result.push(items.slice(start, start + BATCH));
  }
  return result;
}

function toTitleSource(value: string): ExportedConversation["titleSource"] {
  return value === "generated" || value === "user" ? value : "message";
}
