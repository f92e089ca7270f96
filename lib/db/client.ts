import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "@/lib/env";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PostgresqlPrismaClient } from "./generated-postgresql/client";
import {
  type DatabaseProvider,
  postgresqlConnection,
  postgresqlPoolConfig,
  providerForUrl,
} from "./provider";
import { sqliteFilePath } from "./sqlite-path";

// One client per process; Next's dev server reloads modules, so the client
// lives on globalThis rather than in module scope.
const globalForPrisma = globalThis as unknown as {
  parleyPrisma?: PrismaClient;
};

function createSqliteClient(databaseUrl: string): PrismaClient {
  const filename = sqliteFilePath(databaseUrl);
  // A 5 s busy timeout lets concurrent replies queue for the write lock
  // instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSqlite3({ url: filename, timeout: 5000 });
  return new PrismaClient({ adapter });
}

function createPostgresqlClient(databaseUrl: string): PrismaClient {
  const adapter = new PrismaPg(
    { ...postgresqlPoolConfig(databaseUrl), max: 10 },
    { schema: postgresqlConnection(databaseUrl).schema },
  );
  const client = new PostgresqlPrismaClient({ adapter });
  // Both clients are generated from the same models (the PostgreSQL schema
  // is derived from prisma/schema.prisma), so their model methods, results
  // and runtime (Prisma.sql, errors) are the same. Their types differ only
  // where PostgreSQL accepts more (`mode: "insensitive"`, JSON path
  // arrays); the data-access modules use neither, so the SQLite type is the
  // common one.
  return client as unknown as PrismaClient;
}

export function databaseProvider(): DatabaseProvider {
  return providerForUrl(getEnv().DATABASE_URL);
}

export function getDb(): PrismaClient {
  if (!globalForPrisma.parleyPrisma) {
    const databaseUrl = getEnv().DATABASE_URL;
    globalForPrisma.parleyPrisma =
      providerForUrl(databaseUrl) === "postgresql"
        ? createPostgresqlClient(databaseUrl)
        : createSqliteClient(databaseUrl);
  }
  return globalForPrisma.parleyPrisma;
}
