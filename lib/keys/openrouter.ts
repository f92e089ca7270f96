import "server-only";
import { getEnv } from "@/lib/env";
import { ParleyError } from "@/lib/errors";
import type { OpenRouterKeyInfo } from "@/lib/types";

const TIMEOUT_MS = 15_000;

export type KeyInfo = OpenRouterKeyInfo;

/** Asks OpenRouter about a key; refuses one it does not accept. */
export async function describeKey(key: string): Promise<KeyInfo> {
  const response = await call("/key", {
    headers: { Authorization: `Bearer ${key}` },
  });
  if (response.status === 401 || response.status === 403) {
    throw new ParleyError(
      "bad_request:openrouter_key",
      `OpenRouter does not accept this key (${await upstreamMessage(response)}). ` +
        "Check that it was copied whole and has not been disabled.",
    );
  }
  if (!response.ok) throw unavailable(response.status);
  const body = (await response.json()) as {
    data?: {
      label?: string;
      usage?: number;
      limit?: number | null;
      limit_remaining?: number | null;
      is_free_tier?: boolean;
    };
  };
  const data = body.data ?? {};
  return {
    label: data.label ?? "",
    usage: data.usage ?? 0,
    limit: data.limit ?? null,
    limitRemaining: data.limit_remaining ?? null,
    isFreeTier: data.is_free_tier ?? false,
  };
}

/** Trades an OAuth code and its PKCE verifier for a new key. */
export async function exchangeCode({
  code,
  verifier,
}: {
  code: string;
  verifier: string;
}): Promise<string> {
  const response = await call("/auth/keys", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      code,
      code_verifier: verifier,
      code_challenge_method: "S256",
    }),
  });
  if (response.status === 400 || response.status === 403) {
    throw new ParleyError(
      "forbidden:openrouter_key",
      `OpenRouter refused the authorization (${await upstreamMessage(response)}). ` +
        "Connect again: a code works once, for ten minutes.",
    );
  }
  if (!response.ok) throw unavailable(response.status);
  const body = (await response.json()) as { key?: unknown };
  if (typeof body.key !== "string" || body.key === "") {
    throw new ParleyError(
      "upstream:openrouter",
      "OpenRouter answered the authorization without a key.",
    );
  }
  return body.key;
}

async function call(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(`${getEnv().OPENROUTER_BASE_URL}${path}`, {
      ...init,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new ParleyError(
      "upstream:openrouter",
      "Could not reach OpenRouter. Check the server's connection and try again.",
      { cause: error },
    );
  }
}

async function upstreamMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } })
      .error?.message;
    if (typeof message === "string" && message !== "") return message;
  } catch {
    // Not JSON: the status says enough.
  }
  return `HTTP ${response.status}`;
}

function unavailable(status: number): ParleyError {
  return new ParleyError(
    "upstream:openrouter",
    `OpenRouter could not check the key just now (HTTP ${status}). Try again in a moment.`,
  );
}
