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

/** Turns any thrown error into a JSON error response with a stable code. */
export async function respond(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ParleyError) {
      if (error.status >= 500) log.error(error.code, describeError(error));
      return error.toResponse();
    }
    log.error("unhandled error", describeError(error));
    return new ParleyError(
      "internal:api",
      "Something went wrong on the server.",
      { cause: error },
    ).toResponse();
  }
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
