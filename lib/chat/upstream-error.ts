import { APICallError, TypeValidationError } from "ai";
import { ParleyError } from "@/lib/errors";

const hints: Record<number, string> = {
  401: "OpenRouter did not accept the API key. Check OPENROUTER_API_KEY.",
  402: "The OpenRouter account is out of credits for this request.",
  403: "OpenRouter refused this request.",
  408: "The model took too long to answer.",
  429: "OpenRouter is rate limiting requests. Wait a moment, then retry.",
};

/**
 * Turns whatever failed upstream into an error a person can act on, always
 * quoting OpenRouter's own words where there are some.
 */
export function toUpstreamError(error: unknown): ParleyError {
  if (error instanceof ParleyError) return error;
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const retryAfter = error.responseHeaders?.["retry-after"];
    return explain(status, error.message, retryAfter, error);
  }
  if (TypeValidationError.isInstance(error)) {
    return new ParleyError(
      "upstream:openrouter",
      "OpenRouter sent a response Parley could not read. Retry, or pick " +
        "another model if it keeps happening.",
      { cause: error },
    );
  }
  // Errors reported inside a stream arrive as OpenRouter's raw error object.
  if (isErrorObject(error)) {
    const status = typeof error.code === "number" ? error.code : undefined;
    return explain(status, error.message, undefined, error);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ParleyError(
    "upstream:openrouter",
    `The connection to OpenRouter failed: ${message}`,
    { cause: error },
  );
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
  const wait = retryAfter ? ` OpenRouter asks to wait ${retryAfter} s.` : "";
  const quoted = upstreamMessage
    ? ` OpenRouter said: "${upstreamMessage}".`
    : "";
  return new ParleyError("upstream:openrouter", `${hint}${quoted}${wait}`, {
    cause,
  });
}

function isErrorObject(
  value: unknown,
): value is { code?: unknown; message: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    "message" in value &&
    typeof value.message === "string"
  );
}
