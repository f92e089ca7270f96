import "server-only";
import { buildMatchQuery } from "@/lib/history/query";
import { toSnippetSegments } from "@/lib/history/snippet";
import type { SearchResult } from "@/lib/types";
import { getDb } from "./client";
import { withDatabase } from "./errors";

// The PostgreSQL side of lib/db/search.ts, with the same contract, over the
// tsvector index of the PostgreSQL search migration.

// As on SQLite: ranking reads at most this many matching entries, newest
// first, and titles weigh four times message text.
const MAX_RANKED_ENTRIES = 2_000;
const MAX_WORDS = 16;
const HAS_TOKEN = /[\p{L}\p{N}]/u;
// ts_rank's weights, for labels D, C, B (text) and A (title).
const RANK_WEIGHTS = "{0, 0, 0.25, 1}";
// About three lines of the sidebar, where the snippet is clamped.
const HEADLINE_OPTIONS =
  "MaxWords=12, MinWords=4, ShortWord=0, MaxFragments=1, " +
  'FragmentDelimiter=" … "';

type RankedRow = {
  conversationId: string;
  title: string;
  updatedAt: Date | string;
  snippet: string | null;
};

/**
 * Conversations whose title or message text holds every word of `query`
 * (each as a prefix; one letter exactly), best matches first (ts_rank),
 * then the most recent. Unlike SQLite, diacritics are not folded.
 */
export function searchConversations({
  userId,
  query,
  limit = 20,
}: {
  userId: string;
  query: string;
  limit?: number;
}): Promise<SearchResult[]> {
  if (buildMatchQuery(query) === null) return Promise.resolve([]);
  // As on SQLite, the first words count and the rest are ignored.
  const words = query
    .split(/\s+/u)
    .filter((word) => HAS_TOKEN.test(word))
    .slice(0, MAX_WORDS);
  return withDatabase(async () => {
    const rows = await rankConversations(words.join(" "), userId, limit);
    return rows.map((row) => ({
      conversationId: row.conversationId,
      title: row.title,
      updatedAt: new Date(row.updatedAt).toISOString(),
      snippet: toSnippetSegments(row.snippet ?? ""),
    }));
  });
}

// The query is made of the lexemes PostgreSQL itself finds in what was
// typed (the same parser as the index), each quoted, so that no input can
// be a tsquery syntax error; the input only ever travels as a parameter.
function rankConversations(input: string, userId: string, limit: number) {
  return getDb().$queryRaw<RankedRow[]>`
    WITH words AS (
      SELECT lexeme FROM unnest(to_tsvector('simple', ${input}))
    ), search AS (
      SELECT string_agg(
        '''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') ||
          '''' || CASE WHEN length(lexeme) > 1 THEN ':*' ELSE '' END,
        ' & ')::tsquery AS query
      FROM words
    ), matched AS MATERIALIZED (
      SELECT s."rowid" AS entry, s."conversationId",
        ts_rank(${RANK_WEIGHTS}::float4[], s."document", q.query) AS score
      FROM "ConversationSearch" AS s
      JOIN "Conversation" AS c ON c."id" = s."conversationId", search AS q
      WHERE s."document" @@ q.query AND c."userId" = ${userId}
      ORDER BY s."rowid" DESC
      LIMIT ${MAX_RANKED_ENTRIES}
    ), best AS (
      SELECT DISTINCT ON ("conversationId") "conversationId", entry, score
      FROM matched
      ORDER BY "conversationId", score DESC, entry DESC
    ), page AS (
      SELECT b.entry, b.score, c."id", c."title", c."updatedAt"
      FROM best AS b
      JOIN "Conversation" AS c ON c."id" = b."conversationId"
      ORDER BY b.score DESC, c."updatedAt" DESC, c."id"
      LIMIT ${limit}
    )
    SELECT p."id" AS "conversationId", p."title", p."updatedAt",
      ts_headline('simple',
        CASE WHEN s."body" = '' THEN s."title" ELSE s."body" END,
        q.query,
        'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', ' ||
          ${HEADLINE_OPTIONS}) AS snippet
    FROM page AS p
    JOIN "ConversationSearch" AS s ON s."rowid" = p.entry, search AS q
    ORDER BY p.score DESC, p."updatedAt" DESC, p."id"`;
}
