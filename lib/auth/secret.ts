import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";

const SECRET_FILE = path.join("data", "auth-secret");

/**
 * The key session cookies are signed with: BETTER_AUTH_SECRET or
 * AUTH_SECRET, else one generated on first start and kept in
 * data/auth-secret, so a fresh clone runs without setting anything and
 * sessions survive restarts. Instances sharing one database need the same
 * secret, so they should set the variable.
 */
export function authSecret(): string {
  const env = getEnv();
  const configured = env.BETTER_AUTH_SECRET ?? env.AUTH_SECRET;
  if (configured) return configured;
  const file = path.resolve(SECRET_FILE);
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
