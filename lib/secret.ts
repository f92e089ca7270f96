import "server-only";
import { authSecret } from "@/lib/auth/secret";
import { getEnv } from "@/lib/env";
import { ParleyError } from "@/lib/errors";

/**
 * The server's secret as bytes, for keys derived from it (lib/keys/seal.ts).
 * It is the one that signs sessions (lib/auth/secret.ts). On PostgreSQL
 * every instance must hold the same one, so it has to come from the
 * environment: a file each instance made for itself would leave keys
 * stored by one unreadable by the others.
 */
export function serverSecret(): Buffer {
  const env = getEnv();
  const configured = env.BETTER_AUTH_SECRET ?? env.AUTH_SECRET;
  if (!configured && !env.DATABASE_URL.startsWith("file:")) {
    throw new ParleyError(
      "config:secret",
      "Set BETTER_AUTH_SECRET to the same 32 or more random characters on " +
        "every instance (for instance the output of `openssl rand -hex 32`): " +
        "it encrypts the OpenRouter keys Parley stores.",
    );
  }
  return Buffer.from(authSecret(), "utf8");
}
