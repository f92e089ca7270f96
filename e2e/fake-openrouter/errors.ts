import type { Reply } from "./reply";
import type { StreamResponse } from "./scenarios";
import { type Chunk, chunkBase } from "./wire";

export type ErrorBody = {
  error: { code: number; message: string; metadata?: unknown };
};

export type MidStreamError = NonNullable<StreamResponse["errorAfter"]>;

/** A §7.1 error body; the HTTP status equals `error.code`. */
export function errorBody(
  status: number,
  message: string,
  metadata?: Record<string, unknown>,
): ErrorBody {
  return {
    error: { code: status, message, ...(metadata ? { metadata } : {}) },
  };
}

// The real 401 puts `message` before `code` (quoted in public notes, §7.1).
export const unauthorizedBody = {
  error: { message: "User not found.", code: 401 },
};

export const missingReasoningDetailsMessage =
  "Missing reasoning_details on assistant message: DeepSeek requires the " +
  "reasoning_details it returned to be passed back unchanged";

/** The error event of a 200 stream in one of the two §7.2 forms. */
export function midStreamErrorChunk(
  reply: Reply,
  fault: MidStreamError,
): Chunk {
  const { code, message } = fault;
  if (fault.form === "documented") {
    return {
      ...chunkBase(reply),
      error: { code, message, metadata: { error_type: "server_error" } },
      choices: [
        {
          index: 0,
          delta: { content: "" },
          finish_reason: "error",
          native_finish_reason: null,
        },
      ],
    };
  }
  return {
    ...chunkBase(reply),
    error: { code, message },
    choices: [
      {
        index: 0,
        delta: { role: "assistant", content: "" },
        finish_reason: null,
        native_finish_reason: null,
      },
    ],
    usage: reply.usage,
  };
}
