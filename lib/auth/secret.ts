import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { providerForUrl } from "@/lib/db/provider";
import { sqliteFilePath } from "@/lib/db/sqlite-path";
import { getEnv } from "@/lib/env";

const SECRET_FILE_NAME = "auth-secret";

/** Beside the SQLite database (a Docker volume keeps both), else data/. */
function secretFile(databaseUrl: string): string {
  if (providerForUrl(databaseUrl) === "sqlite") {
    return path.join(
      path.dirname(sqliteFilePath(databaseUrl)),
      SECRET_FILE_NAME,
    );
  }
  return path.resolve(
    /*turbopackIgnore: true*/ process.cwd(),
    "data",
    SECRET_FILE_NAME,
  );
}

/**
 * The key session cookies are signed with: BETTER_AUTH_SECRET or
 * AUTH_SECRET, else one generated on first start and kept in auth-secret
 * beside the SQLite database (data/auth-secret by default), so a fresh
 * clone runs without setting anything and sessions survive restarts. Instances sharing one database need the same
 * secret, so they should set the variable.
 */
export function authSecret(): string {
  const env = getEnv();
  const configured = env.BETTER_AUTH_SECRET ?? env.AUTH_SECRET;
  if (configured) return configured;
  const file = secretFile(env.DATABASE_URL);
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("hex");
  try {
    // `wx`: if another process wrote one meanwhile, theirs wins.
    writeFileSync(file, `${secret}\n`, { flag: "wx", mode: 0o600 });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readFileSync(file, "utf8").trim();
  }
}
