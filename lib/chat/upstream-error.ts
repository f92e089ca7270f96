import { APICallError, JSONParseError, TypeValidationError } from "ai";
import { UpstreamSilenceError } from "@/lib/ai/upstream-fetch";
import { ParleyError } from "@/lib/errors";

const hints: Record<number, string> = {
  401: "OpenRouter did not accept the API key. Check the key in Settings, or OPENROUTER_API_KEY.",
  402: "The OpenRouter account is out of credits for this request.",
  403: "OpenRouter refused this request.",
  408: "The model took too long to answer.",
  429: "OpenRouter is rate limiting requests. Wait a moment, then retry.",
};

/**
 * Turns whatever failed upstream into an error a person can act on. Only
 * words that came from OpenRouter are quoted as OpenRouter's; failures of
 * the connection or of the SDK are described, not quoted.
 */
export function toUpstreamError(error: unknown): ParleyError {
  if (error instanceof ParleyError) return error;
  const silence = findCause(error, UpstreamSilenceError);
  if (silence) return upstream(silence.message, error);
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === undefined) {
      return upstream(
        "Parley could not reach OpenRouter. Check the server's network " +
          "connection and OPENROUTER_BASE_URL, then retry.",
        error,
      );
    }
    if (status < 400) {
      // A 200 whose body broke off: the SDK's message is its own.
      return upstream(connectionLost, error);
    }
    const retryAfter = error.responseHeaders?.["retry-after"];
    return explain(status, error.message, retryAfter, error);
  }
  if (
    TypeValidationError.isInstance(error) ||
    JSONParseError.isInstance(error)
  ) {
    return upstream(
      "OpenRouter sent a response Parley could not read. Retry, or pick " +
        "another model if it keeps happening.",
      error,
    );
  }
  // An error chunk inside the stream: the SDK wraps OpenRouter's error
  // object (its message and code) in an AI_StreamProviderError.
  if (isStreamProviderError(error)) {
    return explain(error.statusCode, error.message, undefined, error);
  }
  // Without the wrapper it is OpenRouter's raw error object.
  if (isUpstreamErrorObject(error)) {
    const status = typeof error.code === "number" ? error.code : undefined;
    return explain(status, error.message, undefined, error);
  }
  return upstream(connectionLost, error);
}

const connectionLost =
  "The connection to OpenRouter broke off before the reply finished. " +
  "What arrived is kept; retry to ask again.";

function upstream(message: string, cause: unknown): ParleyError {
  return new ParleyError("upstream:openrouter", message, { cause });
}

function explain(
  status: number | undefined,
  upstreamMessage: string,
  retryAfter: string | undefined,
  cause: unknown,
): ParleyError {
  const hint =
    (status !== undefined && hints[status]) ||
    (status !== undefined && status >= 500
      ? "OpenRouter or the model's provider had a problem."
      : "OpenRouter returned an error.");
  const quoted = upstreamMessage.trim()
    ? ` OpenRouter said: "${upstreamMessage.trim()}"`
    : "";
  const wait = retryAfter ? ` OpenRouter asks to wait ${retryAfter} s.` : "";
  return upstream(`${hint}${quoted}${wait}`, cause);
}

function isStreamProviderError(
  error: unknown,
): error is Error & { statusCode?: number } {
  return error instanceof Error && error.name === "AI_StreamProviderError";
}

/** OpenRouter's `{ code, message }` error object; never an Error. */
function isUpstreamErrorObject(
  value: unknown,
): value is { code?: unknown; message: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Error) &&
    "message" in value &&
    typeof value.message === "string"
  );
}

/** The error itself or one of its causes, if it is of the given class. */
function findCause<Kind extends Error>(
  error: unknown,
  kind: new (...args: never[]) => Kind,
): Kind | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof kind) return current;
    current = current.cause;
  }
  return undefined;
}
