import "server-only";
import { encodeCursor, type ListCursor } from "@/lib/history/cursor";
import type { ConversationPage, ConversationSummary } from "@/lib/types";
import { getDb } from "./client";
import { withDatabase } from "./errors";
import type { Prisma } from "./generated/client";

export type Conversation = {
  id: string;
  title: string;
  model: string;
  settings: unknown;
  /** "message" (first words), "generated" or "user" (renamed). */
  titleSource: string;
  pinned: boolean;
  /** The owner; null only for rows made before accounts (see adoption). */
  userId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * Whose rows a query may see. A string is the signed-in user: another
 * user's conversation looks exactly like a missing one. null is only for
 * reads reached through a share link (the token is the key) or made by the
 * server for the owner's own reply (its title).
 */
export type Owner = string | null;

function ownedBy(userId: Owner): Prisma.ConversationWhereInput {
  return userId === null ? {} : { userId };
}

/**
 * One page of the sidebar's list: pinned conversations first, then the
 * most recent activity, then id, so that the order is total and a page
 * boundary never skips or repeats a row (keyset paging).
 */
export function listConversations({
  userId,
  limit = 50,
  after,
}: {
  userId: string;
  limit?: number;
  after?: ListCursor;
}): Promise<ConversationPage> {
  return withDatabase(async () => {
    const rows = await getDb().conversation.findMany({
      where: { userId, ...(after ? afterKey(after) : {}) },
      select: {
        id: true,
        title: true,
        titleSource: true,
        pinned: true,
        updatedAt: true,
      },
      orderBy: [{ pinned: "desc" }, { updatedAt: "desc" }, { id: "desc" }],
      // One more than asked tells whether another page follows.
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      conversations: page.map((row) => ({
        id: row.id,
        title: row.title,
        titleSource: toTitleSource(row.titleSource),
        pinned: row.pinned,
        updatedAt: row.updatedAt.toISOString(),
      })),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({
              pinned: last.pinned,
              updatedAt: last.updatedAt.toISOString(),
              id: last.id,
            })
          : null,
    };
  });
}

/** The rows after `key` in the list's order (pinned desc, updatedAt desc, id desc). */
function afterKey(key: ListCursor): Prisma.ConversationWhereInput {
  const updatedAt = new Date(key.updatedAt);
  const sameGroup: Prisma.ConversationWhereInput[] = [
    { pinned: key.pinned, updatedAt: { lt: updatedAt } },
    { pinned: key.pinned, updatedAt, id: { lt: key.id } },
  ];
  // Unpinned rows all follow a pinned one.
  return { OR: key.pinned ? [...sameGroup, { pinned: false }] : sameGroup };
}

export function getConversationById({
  id,
  userId,
}: {
  id: string;
  userId: Owner;
}): Promise<Conversation | null> {
  return withDatabase(() =>
    getDb().conversation.findFirst({ where: { id, ...ownedBy(userId) } }),
  );
}

/** Whether any user has a conversation with this id. */
export function conversationIdExists({ id }: { id: string }): Promise<boolean> {
  return withDatabase(
    async () => (await getDb().conversation.count({ where: { id } })) > 0,
  );
}

/**
 * Changes a conversation's model, settings, title or pin; null when it
 * doesn't exist. A title set here is the person's own and is never replaced
 * by a generated one.
 */
export function updateConversation({
  id,
  userId,
  model,
  settings,
  title,
  pinned,
}: {
  id: string;
  userId: string;
  model?: string;
  settings?: object;
  title?: string;
  pinned?: boolean;
}): Promise<Conversation | null> {
  // Renaming or pinning is not activity: the list keeps its order by
  // recency, so the old updatedAt is written back.
  const isActivity = model !== undefined || settings !== undefined;
  return withDatabase(() =>
    getDb().$transaction(async (db) => {
      const current = await db.conversation.findFirst({
        where: { id, userId },
        select: { updatedAt: true },
      });
      if (!current) return null;
      return db.conversation.update({
        where: { id },
        data: {
          model,
          settings: settings as Prisma.InputJsonValue | undefined,
          ...(title === undefined ? {} : { title, titleSource: "user" }),
          pinned,
          updatedAt: isActivity ? undefined : current.updatedAt,
        },
      });
    }),
  );
}

/**
 * Saves a generated title unless the conversation was renamed (or deleted)
 * in the meantime; returns whether it was saved.
 */
export function saveGeneratedTitle({
  id,
  title,
}: {
  id: string;
  title: string;
}): Promise<boolean> {
  return withDatabase(async () => {
    const result = await getDb().conversation.updateMany({
      where: { id, titleSource: "message" },
      data: { title, titleSource: "generated" },
    });
    return result.count > 0;
  });
}

/** Deletes a conversation and its messages; false when it doesn't exist. */
export function deleteConversationById({
  id,
  userId,
}: {
  id: string;
  userId: string;
}): Promise<boolean> {
  return withDatabase(async () => {
    const result = await getDb().conversation.deleteMany({
      where: { id, userId },
    });
    return result.count > 0;
  });
}

function toTitleSource(value: string): ConversationSummary["titleSource"] {
  return value === "generated" || value === "user" ? value : "message";
}
