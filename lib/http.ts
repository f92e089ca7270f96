import "server-only";
import type { z } from "zod";
import { getEnv } from "@/lib/env";
import { ParleyError } from "@/lib/errors";
import { describeError, log } from "@/lib/log";

const DEFAULT_MAX_BYTES = 1024 * 1024;

/**
 * Refuses requests that another site's page could have sent. A "simple"
 * cross-site POST (text/plain or a form) needs no preflight, so both the
 * content type and the origin are checked.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site") throw crossSite();
  if (!origin) return;
  const host = request.headers.get("host");
  const allowed = new Set([new URL(getEnv().APP_URL).origin]);
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  if (!allowed.has(origin)) throw crossSite();
}

function crossSite(): ParleyError {
  return new ParleyError(
    "forbidden:api",
    "Requests from other sites are not accepted.",
  );
}

/** Parses a JSON body against a schema, with a size limit. */
export async function readJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  { maxBytes = DEFAULT_MAX_BYTES }: { maxBytes?: number } = {},
): Promise<z.infer<Schema>> {
  assertSameOrigin(request);
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(contentType)) {
    throw new ParleyError(
      "unsupported_media_type:api",
      "The request body must be JSON (Content-Type: application/json).",
    );
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  const text = declared > maxBytes ? null : await request.text();
  if (text === null || Buffer.byteLength(text) > maxBytes) {
    throw new ParleyError(
      "payload_too_large:api",
      `The request body is larger than ${Math.round(maxBytes / 1024)} KiB.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ParleyError(
      "bad_request:api",
      "The request body is not valid JSON.",
    );
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    throw new ParleyError(
      "bad_request:api",
      `The request body is not valid${where}: ${issue?.message ?? "unknown"}.`,
    );
  }
  return result.data;
}

// The signed-in user of a request, set by requireUser (lib/auth/session.ts)
// for the request's log line.
const requestUsers = new WeakMap<Request, string>();

export function noteRequestUser(request: Request, userId: string): void {
  requestUsers.set(request, userId);
}

/**
 * Runs a route handler: any thrown error becomes a JSON error response with
 * a stable code, and every outcome is logged as one line with the request's
 * id (set by proxy.ts), user id when known, method, path, status, error
 * code and duration.
 */
export async function respond(
  request: Request,
  run: () => Promise<Response>,
): Promise<Response> {
  const startedAt = Date.now();
  const requestId = requestIdOf(request);
  let response: Response;
  let code: string | undefined;
  try {
    response = await run();
  } catch (error) {
    const failure =
      error instanceof ParleyError
        ? error
        : new ParleyError(
            "internal:api",
            "Something went wrong on the server.",
            {
              cause: error,
            },
          );
    code = failure.code;
    if (failure.status >= 500) {
      log.error(failure.code, { requestId, ...describeError(error) });
    }
    response = failure.toResponse();
  }
  const { pathname } = new URL(request.url);
  // Load balancers poll the health check; its lines would drown the rest.
  if (pathname !== "/api/health") {
    log.info("request", {
      requestId,
      userId: requestUsers.get(request),
      method: request.method,
      path: redactPath(pathname),
      status: response.status,
      code,
      durationMs: Date.now() - startedAt,
    });
  }
  return response;
}

/** The id proxy.ts gave the request (one is made up if it did not run). */
export function requestIdOf(request: Request): string {
  return request.headers.get("x-request-id") ?? crypto.randomUUID();
}

/** Share and invitation tokens are keys: they never reach the logs. */
export function redactPath(pathname: string): string {
  return pathname
    .replace(/\/[A-Za-z0-9_-]{40,}(?=\/|$)/g, "/[token]")
    .replace(/(\/reset-password\/)[^/]+/, "$1[token]");
}

/** Parses a request's query string against a schema (first value of each). */
export function readSearchParams<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): z.infer<Schema> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const result = schema.safeParse(params);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` ${issue.path.join(".")}` : "";
    throw new ParleyError(
      "bad_request:api",
      `The query parameter${where} is not valid: ${issue?.message ?? "unknown"}.`,
    );
  }
  return result.data;
}
