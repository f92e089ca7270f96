import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sqliteFilePath } from "@/lib/db/sqlite-path";
import { getEnv } from "@/lib/env";
import { ParleyError } from "@/lib/errors";

const SECRET_FILE = "parley-secret";

let cached: Buffer | undefined;

/**
 * The server's secret, from which the keys that encrypt stored OpenRouter
 * keys are derived. `PARLEY_SECRET` when set; on SQLite otherwise a random
 * one made on first use and kept beside the database file (so a backup of
 * the data folder restores both). On PostgreSQL every instance must hold
 * the same one, so it has to come from the environment.
 */
export function serverSecret(): Buffer {
  if (cached) return cached;
  const env = getEnv();
  if (env.PARLEY_SECRET) {
    cached = Buffer.from(env.PARLEY_SECRET, "utf8");
    return cached;
  }
  if (!env.DATABASE_URL.startsWith("file:")) {
    throw new ParleyError(
      "config:secret",
      "Set PARLEY_SECRET to the same 32 or more random characters on every " +
        "instance (for instance the output of `openssl rand -hex 32`): it " +
        "encrypts the OpenRouter keys Parley stores.",
    );
  }
  const file = path.join(
    path.dirname(sqliteFilePath(env.DATABASE_URL)),
    SECRET_FILE,
  );
  cached = readOrCreate(file);
  return cached;
}

function readOrCreate(file: string): Buffer {
  try {
    return Buffer.from(readFileSync(file, "utf8").trim(), "hex");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx`: of two processes starting at once, one writes and both read it.
    writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, {
      flag: "wx",
      mode: 0o600,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return Buffer.from(readFileSync(file, "utf8").trim(), "hex");
}
