import { randomBytes } from "node:crypto";

const TOKEN_BYTES = 32;
// 32 bytes in base64url, unpadded: 43 characters.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * A share token: 256 random bits and nothing else, so it says nothing about
 * the conversation and cannot be derived or guessed from a neighbour.
 */
export function newShareToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** Cheap check before any query: a malformed token is simply not found. */
export function isShareTokenShape(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}
