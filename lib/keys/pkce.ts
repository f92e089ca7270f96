import { createHash, randomBytes } from "node:crypto";

/**
 * OpenRouter's OAuth PKCE flow (RFC 7636, S256): Parley keeps a random
 * verifier, sends its hash as the challenge to openrouter.ai/auth, and
 * trades the code that comes back, with the verifier, for a key.
 */
export function createVerifier(): string {
  return randomBytes(32).toString("base64url");
}

export function challengeOf(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

export function authorizationUrl({
  authUrl,
  callbackUrl,
  challenge,
  label,
}: {
  authUrl: string;
  callbackUrl: string;
  challenge: string;
  label: string;
}): string {
  const url = new URL(authUrl);
  url.searchParams.set("callback_url", callbackUrl);
  url.searchParams.set("code_challenge", challenge);
  url.searchParams.set("code_challenge_method", "S256");
  url.searchParams.set("key_label", label);
  return url.toString();
}
