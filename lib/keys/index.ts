import "server-only";
import {
  deleteStoredKey,
  getStoredKey,
  saveStoredKey,
} from "@/lib/db/openrouter-key";
import { getServerKeyAllowed } from "@/lib/db/users";
import { getEnv } from "@/lib/env";
import { ParleyError } from "@/lib/errors";
import { log } from "@/lib/log";
import { serverSecret } from "@/lib/secret";
import type { OpenRouterKeyStatus } from "@/lib/types";
import { describeKey, type KeyInfo } from "./openrouter";
import { seal, unseal } from "./seal";

const PURPOSE = "openrouter-key";

export type KeyStatus = OpenRouterKeyStatus;

export async function keyStatus(userId: string): Promise<KeyStatus> {
  const [row, allowed] = await Promise.all([
    getStoredKey(userId),
    getServerKeyAllowed(userId),
  ]);
  const configured = getEnv().OPENROUTER_API_KEY !== undefined;
  return {
    stored: row
      ? {
          lastFour: row.lastFour,
          source: row.source === "oauth" ? "oauth" : "pasted",
          createdAt: row.createdAt.toISOString(),
          unreadable: openStored(row.encryptedKey) === undefined,
        }
      : null,
    serverKey: configured && allowed,
    serverKeyDenied: configured && !allowed,
  };
}

/**
 * The key a person's replies are sent with: their stored one, else the
 * server's if the administrator allows it them. A stored key that cannot
 * be read is passed over (and logged), not fatal.
 */
export async function resolveApiKey(
  userId: string,
): Promise<string | undefined> {
  const row = await getStoredKey(userId);
  if (row) {
    const key = openStored(row.encryptedKey);
    if (key) return key;
    log.error("stored OpenRouter key unreadable", {
      userId,
      lastFour: row.lastFour,
      hint: "BETTER_AUTH_SECRET or the secret file changed; store the key again",
    });
  }
  const serverKey = getEnv().OPENROUTER_API_KEY;
  if (!serverKey) return undefined;
  return (await getServerKeyAllowed(userId)) ? serverKey : undefined;
}

/** Why a person has no key to send with, in words they can act on. */
export function missingKeyError(): ParleyError {
  if (getEnv().OPENROUTER_API_KEY !== undefined) {
    return new ParleyError(
      "forbidden:openrouter_key",
      "The administrator has not allowed the server's OpenRouter key for " +
        "your account. Connect your OpenRouter account or paste a key in " +
        "Settings.",
    );
  }
  return new ParleyError(
    "config:openrouter_key",
    "No OpenRouter API key is configured. Connect your OpenRouter account " +
      "or paste a key in Settings, or set OPENROUTER_API_KEY in the .env " +
      "file next to package.json (see .env.example) and restart Parley.",
  );
}

/** Checks a key with OpenRouter, then stores it sealed. */
export async function storeKey(
  userId: string,
  key: string,
  source: "pasted" | "oauth",
): Promise<KeyInfo> {
  const info = await describeKey(key);
  await saveStoredKey(userId, {
    encryptedKey: seal(key, serverSecret(), PURPOSE),
    lastFour: key.slice(-4),
    source,
  });
  return info;
}

export function removeKey(userId: string): Promise<boolean> {
  return deleteStoredKey(userId);
}

/** What OpenRouter says of the key in use, or undefined without one. */
export async function describeActiveKey(
  userId: string,
): Promise<KeyInfo | undefined> {
  const key = await resolveApiKey(userId);
  return key ? describeKey(key) : undefined;
}

function openStored(encryptedKey: string): string | undefined {
  try {
    return unseal(encryptedKey, serverSecret(), PURPOSE);
  } catch {
    // No secret available (PostgreSQL without BETTER_AUTH_SECRET).
    return undefined;
  }
}
