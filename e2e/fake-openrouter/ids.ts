import { randomInt } from "node:crypto";

const ALPHANUMERICS =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function randomAlphanumerics(length: number): string {
  let result = "";
  for (let i = 0; i < length; i++) {
    result += ALPHANUMERICS[randomInt(ALPHANUMERICS.length)];
  }
  return result;
}

/** `gen-<unix seconds>-<20 alphanumerics>`, as on every real chunk. */
export function generationId(created: number): string {
  return `gen-${created}-${randomAlphanumerics(20)}`;
}

export function toolCallId(): string {
  return `call_${randomAlphanumerics(24)}`;
}

export function encryptedReasoningId(): string {
  return `rs_${randomAlphanumerics(40).toLowerCase()}`;
}

export function reasoningSignature(): string {
  return `Fake${randomAlphanumerics(60)}==`;
}
