import "server-only";
import { buildMatchQuery } from "@/lib/history/query";
import { toSnippetSegments } from "@/lib/history/snippet";
import type { SearchResult } from "@/lib/types";
import { databaseProvider, getDb } from "./client";
import { withDatabase } from "./errors";
import { Prisma } from "./generated/client";
import { searchConversations as searchPostgresql } from "./search-postgresql";

// Ranking reads at most this many matching entries, newest first: a word
// found in nearly every message would otherwise be scored in all of them.
// Below it (any specific search) the ranking covers everything.
const MAX_RANKED_ENTRIES = 2_000;
// Titles weigh more than message text.
const TITLE_WEIGHT = 4;
// About three lines of the sidebar, where the snippet is clamped.
const SNIPPET_TOKENS = 12;

type RankedRow = {
  conversationId: string;
  entry: number | bigint;
  title: string;
  updatedAt: Date | string;
};
type SnippetRow = { entry: number | bigint; snippet: string | null };

/**
 * Conversations whose title or message text holds every word of `query`
 * (each as a prefix, diacritics ignored), best matches first (bm25), then
 * the most recent. SQLite FTS5, see the search migration; on PostgreSQL
 * lib/db/search-postgresql.ts answers with the same contract.
 */
export function searchConversations({
  userId,
  query,
  limit = 20,
}: {
  /** Only this user's conversations are searched. */
  userId: string;
  query: string;
  limit?: number;
}): Promise<SearchResult[]> {
  if (databaseProvider() === "postgresql") {
    return searchPostgresql({ userId, query, limit });
  }
  const match = buildMatchQuery(query);
  if (match === null) return Promise.resolve([]);
  return withDatabase(async () => {
    const ranked = await rankConversations(match, userId, limit);
    if (ranked.length === 0) return [];
    const snippets = await snippetsOf(
      match,
      ranked.map((row) => Number(row.entry)),
    );
    return ranked.map((row) => ({
      conversationId: row.conversationId,
      title: row.title,
      updatedAt: new Date(row.updatedAt).toISOString(),
      snippet: toSnippetSegments(snippets.get(Number(row.entry)) ?? ""),
    }));
  });
}

/** The best conversations, each with its best-scoring entry. */
function rankConversations(match: string, userId: string, limit: number) {
  // min() makes SQLite take `entry` from the row holding the minimum:
  // bm25 is negative, lower is better. The owner is checked before the
  // cap, so other users' entries never crowd out this user's.
  return getDb().$queryRaw<RankedRow[]>`
    WITH matched AS MATERIALIZED (
      SELECT i.rowid AS entry,
        bm25("ConversationSearchIndex", ${TITLE_WEIGHT}, 1.0) AS score
      FROM "ConversationSearchIndex" AS i
      JOIN "ConversationSearch" AS s ON s.rowid = i.rowid
      JOIN "Conversation" AS c ON c."id" = s."conversationId"
      WHERE "ConversationSearchIndex" MATCH ${match}
        AND c."userId" = ${userId}
      ORDER BY i.rowid DESC
      LIMIT ${MAX_RANKED_ENTRIES}
    ), best AS (
      SELECT s."conversationId" AS "conversationId",
        min(m.score) AS score, m.entry AS entry
      FROM matched AS m
      JOIN "ConversationSearch" AS s ON s.rowid = m.entry
      GROUP BY s."conversationId"
    )
    SELECT b."conversationId", b.entry, c."title", c."updatedAt"
    FROM best AS b
    JOIN "Conversation" AS c ON c."id" = b."conversationId"
    ORDER BY b.score, c."updatedAt" DESC, c."id"
    LIMIT ${limit}`;
}

/** snippet() of the given entries, with matches between the markers. */
async function snippetsOf(match: string, entries: number[]) {
  // The rowid range lets FTS5 expand prefixes once for all entries; a bare
  // IN list would run the whole query once per entry (`+` keeps SQLite from
  // handing the list to FTS5).
  const rows = await getDb().$queryRaw<SnippetRow[]>`
    SELECT rowid AS entry,
      snippet("ConversationSearchIndex", -1, char(2), char(3), '…',
        ${SNIPPET_TOKENS}) AS snippet
    FROM "ConversationSearchIndex"
    WHERE "ConversationSearchIndex" MATCH ${match}
      AND rowid BETWEEN ${Math.min(...entries)} AND ${Math.max(...entries)}
      AND +rowid IN (${Prisma.join(entries)})`;
  return new Map(rows.map((row) => [Number(row.entry), row.snippet ?? ""]));
}
