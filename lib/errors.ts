/**
 * One error type for the whole app. A code reads `type:surface`; the type
 * decides the HTTP status, and the message is what a person reads. The
 * client rebuilds the error from the JSON body (see `parseErrorBody`).
 */
export type ErrorType =
  | "bad_request"
  | "unauthorized"
  | "unsupported_media_type"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "spend_cap"
  | "rate_limited"
  | "config"
  | "unavailable"
  | "upstream"
  | "database"
  | "internal";

export type ErrorSurface =
  | "api"
  | "auth"
  | "chat"
  | "conversation"
  | "message"
  | "openrouter"
  | "openrouter_key"
  | "secret"
  | "sign_in"
  | "server"
  | "share"
  | "import"
  | "export"
  | "user";

export type ErrorCode = `${ErrorType}:${ErrorSurface}`;

const statusByType: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  // A spending cap is reached: more needs money the operator did not allow.
  spend_cap: 402,
  unsupported_media_type: 415,
  rate_limited: 429,
  config: 503,
  unavailable: 503,
  upstream: 502,
  database: 503,
  internal: 500,
};

export type ErrorBody = {
  error: { code: ErrorCode; message: string; status: number };
};

export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Extra response headers, such as `Retry-After` on a 429. */
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options?: {
      cause?: unknown;
      status?: number;
      headers?: Record<string, string>;
    },
  ) {
    super(message, { cause: options?.cause });
    this.name = "ParleyError";
    this.code = code;
    const type = code.split(":")[0] as ErrorType;
    this.status = options?.status ?? statusByType[type];
    this.headers = options?.headers ?? {};
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, status: this.status },
    };
  }

  toResponse(): Response {
    return Response.json(this.toBody(), {
      status: this.status,
      headers: this.headers,
    });
  }
}

/** Rebuilds an error from a JSON body, or returns undefined if it isn't one. */
export function parseErrorBody(text: string): ParleyError | undefined {
  try {
    const body = JSON.parse(text) as Partial<ErrorBody>;
    const error = body.error;
    if (
      error &&
      typeof error.code === "string" &&
      typeof error.message === "string"
    ) {
      return new ParleyError(error.code, error.message, {
        status: error.status,
      });
    }
  } catch {
    // Not JSON: the caller falls back to its own message.
  }
  return undefined;
}
