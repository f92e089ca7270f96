import "server-only";
import type {
  MessageStatus,
  ParleyMessage,
  StepProviderData,
  StoredMessage,
  TokenUsage,
} from "@/lib/types";
import { getDb } from "./client";
import { withDatabase } from "./errors";
import type { Message as MessageRow, Prisma } from "./generated/client";

export function getMessagesByConversationId({
  conversationId,
}: {
  conversationId: string;
}): Promise<StoredMessage[]> {
  return withDatabase(async () => {
    const rows = await getDb().message.findMany({
      where: { conversationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return rows.map(toStoredMessage);
  });
}

type NewConversation = {
  id: string;
  /** The owner, set when the conversation is created. */
  userId: string;
  title: string;
  model: string;
  settings: object;
};
type NewUserMessage = {
  id: string;
  parentId: string | null;
  parts: ParleyMessage["parts"];
};

/**
 * Everything a reply needs before the upstream call, in one transaction: the
 * conversation (created or touched, now showing the new reply's branch), the
 * user's message, and the assistant message in `streaming` state that
 * `finishReply` completes.
 */
export function beginReply({
  conversation,
  userMessage,
  assistantMessage,
}: {
  conversation: NewConversation;
  userMessage?: NewUserMessage;
  assistantMessage: { id: string; parentId: string; model: string };
}): Promise<void> {
  return withDatabase(async () => {
    const db = getDb();
    const now = new Date();
    const writes: Prisma.PrismaPromise<unknown>[] = [
      db.conversation.upsert({
        where: { id: conversation.id },
        create: {
          ...conversation,
          settings: conversation.settings as Prisma.InputJsonValue,
          activeLeafId: assistantMessage.id,
          createdAt: now,
          updatedAt: now,
        },
        update: { updatedAt: now, activeLeafId: assistantMessage.id },
      }),
    ];
    if (userMessage) {
      writes.push(
        db.message.create({
          data: {
            id: userMessage.id,
            conversationId: conversation.id,
            parentId: userMessage.parentId,
            role: "user",
            parts: userMessage.parts as Prisma.InputJsonValue,
            status: "complete",
            createdAt: now,
          },
        }),
      );
    }
    writes.push(
      db.message.create({
        data: {
          id: assistantMessage.id,
          conversationId: conversation.id,
          parentId: assistantMessage.parentId,
          role: "assistant",
          parts: [],
          status: "streaming",
          model: assistantMessage.model,
          // Strictly after the user message, so ordering never ties.
          createdAt: new Date(now.getTime() + 1),
        },
      }),
    );
    await db.$transaction(writes);
  });
}

export type ReplyOutcome = {
  parts: ParleyMessage["parts"];
  status: Exclude<MessageStatus, "streaming">;
  model: string;
  finishReason: string | null;
  error: { code: string; message: string } | null;
  usage: TokenUsage | null;
  cost: number | null;
  reasoningMs: number | null;
  steps: StepProviderData[];
};

/**
 * The transaction that ends a reply, whatever way it ended: the message,
 * and what it cost in the spending ledger (see `lib/db/spend.ts`).
 */
export function finishReply({
  id,
  userId,
  outcome,
}: {
  id: string;
  /** Whose spend the reply's cost is. */
  userId: string;
  outcome: ReplyOutcome;
}): Promise<void> {
  return withDatabase(async () => {
    const db = getDb();
    const writes: Prisma.PrismaPromise<unknown>[] = [
      db.message.update({
        where: { id },
        data: {
          parts: outcome.parts as Prisma.InputJsonValue,
          status: outcome.status,
          model: outcome.model,
          finishReason: outcome.finishReason,
          error: outcome.error ?? undefined,
          promptTokens: outcome.usage?.prompt ?? null,
          completionTokens: outcome.usage?.completion ?? null,
          reasoningTokens: outcome.usage?.reasoning ?? null,
          cachedTokens: outcome.usage?.cached ?? null,
          cost: outcome.cost,
          reasoningMs: outcome.reasoningMs,
          providerMetadata: { steps: outcome.steps } as Prisma.InputJsonValue,
        },
      }),
    ];
    if (outcome.cost !== null) {
      const entry = {
        userId,
        kind: "reply",
        model: outcome.model,
        cost: outcome.cost,
        promptTokens: outcome.usage?.prompt ?? null,
        completionTokens: outcome.usage?.completion ?? null,
      };
      writes.push(
        db.spendEntry.upsert({
          where: { id },
          create: { id, ...entry },
          update: entry,
        }),
      );
    }
    await db.$transaction(writes);
  });
}

/**
 * Replies left `streaming` by a process that died cannot finish any more.
 * Called once at server start.
 */
export function markStreamingAsInterrupted(): Promise<number> {
  return withDatabase(async () => {
    const result = await getDb().message.updateMany({
      where: { status: "streaming" },
      data: { status: "interrupted" },
    });
    return result.count;
  });
}

export function toStoredMessage(row: MessageRow): StoredMessage {
  const usage: TokenUsage | null =
    row.promptTokens === null && row.completionTokens === null
      ? null
      : {
          prompt: row.promptTokens ?? 0,
          completion: row.completionTokens ?? 0,
          reasoning: row.reasoningTokens ?? 0,
          cached: row.cachedTokens ?? 0,
        };
  const metadata = row.providerMetadata as {
    steps?: StepProviderData[];
  } | null;
  return {
    id: row.id,
    conversationId: row.conversationId,
    parentId: row.parentId,
    role: row.role === "user" ? "user" : "assistant",
    parts: row.parts as ParleyMessage["parts"],
    status: row.status as MessageStatus,
    model: row.model,
    finishReason: row.finishReason,
    error: row.error as StoredMessage["error"],
    usage,
    cost: row.cost,
    reasoningMs: row.reasoningMs,
    steps: metadata?.steps ?? [],
    createdAt: row.createdAt,
  };
}
