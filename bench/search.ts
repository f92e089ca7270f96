import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type AppServer, startApp } from "../e2e/support/app-server";
import type { Benchmark } from "./lib/context";
import { type Figure, figure } from "./lib/results";
import { RARE_WORD, seedSearchCorpus } from "./lib/search-corpus";
import { freePort, root } from "./lib/servers";
import { median, p95 } from "./lib/stats";
import { alternate } from "./lib/timing";

const TARGET_P95_MS = 100;

// Each kind of search a person makes, as typed into the sidebar.
const QUERIES: Record<string, string[]> = {
  "common words": ["the", "kaka", "which roro"],
  "rare words": [RARE_WORD, `${RARE_WORD} the`, "torte"],
  prefixes: ["th", "ka", "sel", "meln"],
};

/**
 * Search latency through `GET /api/search` on 10,000 conversations of 10
 * messages (in an instance and database file of its own), beside the same
 * SQL run straight on the file; and the sidebar's first page through
 * `GET /api/conversations` beside its bare query.
 */
export const search: Benchmark = {
  id: "search",
  title: "History search",
  async run({ quick, log }) {
    const count = quick ? 1_000 : 10_000;
    const rounds = quick ? 10 : 40;
    const port = await freePort();
    const relative = `bench/results/tmp/search-${port}.db`;
    const file = path.join(root, relative);
    let app: AppServer | undefined;
    try {
      app = await startApp({
        port,
        databaseUrl: `file:./${relative}`,
        fresh: true,
      });
      const seedMs = seedSearchCorpus(file, { count, messages: 10 });
      log(
        `seeded ${count} conversations × 10 messages in ${Math.round(seedMs)} ms`,
      );
      const db = new Database(file, { readonly: true });
      const url = app.url;
      const figures: Figure[] = [];
      const details: Record<string, unknown> = { count, rounds, seedMs };
      try {
        for (const [kind, queries] of Object.entries(QUERIES)) {
          const { a, b } = await alternate(
            rounds * queries.length,
            (round) =>
              timeHttp(
                `${url}/api/search?q=${encodeURIComponent(queries[round % queries.length] as string)}`,
              ),
            async (round) =>
              timeBare(() =>
                bareSearch(db, queries[round % queries.length] as string),
              ),
          );
          details[kind] = { queries, http: a, bare: b };
          figures.push(...latencyFigures(`search, ${kind}`, a, b, true));
        }
        const { a, b } = await alternate(
          rounds,
          () => timeHttp(`${url}/api/conversations`),
          async () => timeBare(() => bareFirstPage(db)),
        );
        details["first page"] = { http: a, bare: b };
        figures.push(
          ...latencyFigures("GET /api/conversations, first page", a, b, false),
        );
      } finally {
        db.close();
      }
      return { figures, details };
    } finally {
      await app?.stop();
      for (const suffix of ["", "-wal", "-shm", "-journal"]) {
        rmSync(`${file}${suffix}`, { force: true });
      }
    }
  },
};

function latencyFigures(
  name: string,
  http: number[],
  bare: number[],
  targeted: boolean,
): Figure[] {
  return [
    figure({
      name: `${name} (p50)`,
      value: median(http),
      unit: "ms",
      reference: { label: "bare query p50", value: median(bare) },
    }),
    figure({
      name: `${name} (p95)`,
      value: p95(http),
      unit: "ms",
      reference: { label: "bare query p95", value: p95(bare) },
      target: targeted ? { comparison: "<", value: TARGET_P95_MS } : undefined,
    }),
  ];
}

async function timeHttp(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { cache: "no-store" });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

function timeBare(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

// The statements of lib/db/search.ts and listConversations, run through
// better-sqlite3 without HTTP, Next or Prisma. Keep them in step.
function matchQuery(input: string): string {
  return input
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `"${word}"${word.length > 1 ? "*" : ""}`)
    .join(" ");
}

function bareSearch(db: Database.Database, input: string) {
  const match = matchQuery(input);
  const ranked = db
    .prepare(
      `WITH matched AS MATERIALIZED (
        SELECT rowid AS entry,
          bm25("ConversationSearchIndex", 4, 1.0) AS score
        FROM "ConversationSearchIndex"
        WHERE "ConversationSearchIndex" MATCH ?
        ORDER BY rowid DESC LIMIT 2000
      ), best AS (
        SELECT s."conversationId" AS "conversationId",
          min(m.score) AS score, m.entry AS entry
        FROM matched AS m
        JOIN "ConversationSearch" AS s ON s.rowid = m.entry
        GROUP BY s."conversationId"
      )
      SELECT b."conversationId", b.entry, c."title", c."updatedAt"
      FROM best AS b JOIN "Conversation" AS c ON c."id" = b."conversationId"
      ORDER BY b.score, c."updatedAt" DESC, c."id" LIMIT 20`,
    )
    .all(match) as { entry: number }[];
  if (ranked.length === 0) return ranked;
  const entries = ranked.map((row) => row.entry);
  return db
    .prepare(
      `SELECT rowid AS entry, snippet("ConversationSearchIndex", -1,
        char(2), char(3), '…', 12) AS snippet
      FROM "ConversationSearchIndex"
      WHERE "ConversationSearchIndex" MATCH ?
        AND rowid BETWEEN ? AND ?
        AND +rowid IN (${entries.map(() => "?").join(", ")})`,
    )
    .all(match, Math.min(...entries), Math.max(...entries), ...entries);
}

function bareFirstPage(db: Database.Database) {
  return db
    .prepare(
      `SELECT "id", "title", "titleSource", "pinned", "updatedAt"
      FROM "Conversation"
      ORDER BY "pinned" DESC, "updatedAt" DESC, "id" DESC LIMIT 51`,
    )
    .all();
}
