import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { getEnv } from "@/lib/env";
import { PrismaClient } from "./generated/client";
import { sqliteFilePath } from "./sqlite-path";

// One client per process; Next's dev server reloads modules, so the client
// lives on globalThis rather than in module scope.
const globalForPrisma = globalThis as unknown as {
  parleyPrisma?: PrismaClient;
};

function createClient(): PrismaClient {
  const filename = sqliteFilePath(getEnv().DATABASE_URL);
  // A 5 s busy timeout lets concurrent replies queue for the write lock
  // instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSqlite3({ url: filename, timeout: 5000 });
  return new PrismaClient({ adapter });
}

export function getDb(): PrismaClient {
  globalForPrisma.parleyPrisma ??= createClient();
  return globalForPrisma.parleyPrisma;
}
