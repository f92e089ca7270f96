import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorBody } from "./errors";
import { parseJson, readBody, sendJson } from "./http";

/** How long an authorization code is good for, as on openrouter.ai. */
const CODE_LIFETIME_MS = 10 * 60 * 1000;

type PendingCode = {
  challenge: string | null;
  method: "S256" | "plain" | null;
  expiresAt: number;
};

/**
 * The keys the fake accepts, and OpenRouter's OAuth PKCE flow (§8.4): the
 * `/auth` page a person approves, and `POST /api/v1/auth/keys`, which turns
 * a single-use code and its verifier into a new key that is accepted from
 * then on.
 */
export class KeyRing {
  readonly #keys = new Set<string>();
  readonly #codes = new Map<string, PendingCode>();

  constructor(readonly defaultKey: string) {
    this.#keys.add(defaultKey);
  }

  /** The key in `Authorization: Bearer …` when the fake knows it. */
  bearer(request: IncomingMessage): string | undefined {
    const header = request.headers.authorization ?? "";
    const key = header.startsWith("Bearer ") ? header.slice(7) : "";
    return this.#keys.has(key) ? key : undefined;
  }

  /** A new key, as if made on openrouter.ai/keys. */
  issue(): string {
    const key = `sk-or-v1-${randomBytes(32).toString("hex")}`;
    this.#keys.add(key);
    return key;
  }

  /** Forgets every key but the default one, and every pending code. */
  reset(): void {
    this.#keys.clear();
    this.#keys.add(this.defaultKey);
    this.#codes.clear();
  }

  /**
   * `GET /auth`: the page where a person lets an app have a key. The fake
   * asks nothing; `Allow` goes back to the app with a code.
   */
  authPage(url: URL, response: ServerResponse): void {
    const callback = url.searchParams.get("callback_url");
    const challenge = url.searchParams.get("code_challenge");
    const method = url.searchParams.get("code_challenge_method");
    if (!callback || !/^https?:\/\//.test(callback)) {
      page(response, 400, "<p>callback_url is missing or invalid.</p>");
      return;
    }
    if (method !== null && method !== "S256" && method !== "plain") {
      page(response, 400, "<p>Invalid code_challenge_method.</p>");
      return;
    }
    const code = randomBytes(16).toString("hex");
    this.#codes.set(code, {
      challenge,
      method: challenge
        ? ((method as "S256" | "plain" | null) ?? "plain")
        : null,
      expiresAt: Date.now() + CODE_LIFETIME_MS,
    });
    const back = new URL(callback);
    back.searchParams.set("code", code);
    const label = url.searchParams.get("key_label") ?? "an app";
    page(
      response,
      200,
      `<h1>Authorize ${escapeHtml(label)}</h1>
       <p>It will get a key to use OpenRouter on your account.</p>
       <a href="${escapeHtml(back.toString())}">Allow</a>
       <a href="${escapeHtml(callback)}">Deny</a>`,
    );
  }

  /** `POST /api/v1/auth/keys`: the code and verifier for a key. */
  async exchange(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const body = parseJson(await readBody(request)) as {
      code?: unknown;
      code_verifier?: unknown;
      code_challenge_method?: unknown;
    } | null;
    const code = typeof body?.code === "string" ? body.code : "";
    const pending = this.#codes.get(code);
    // Single use, whatever happens next.
    this.#codes.delete(code);
    const method = body?.code_challenge_method;
    if (method !== undefined && method !== "S256" && method !== "plain") {
      return sendJson(
        response,
        400,
        errorBody(400, "Invalid code_challenge_method"),
      );
    }
    if (!pending) {
      return sendJson(
        response,
        403,
        errorBody(403, "Invalid code or code_verifier"),
      );
    }
    if (pending.expiresAt < Date.now()) {
      return sendJson(
        response,
        403,
        errorBody(403, "Authorization code expired"),
      );
    }
    const verifier =
      typeof body?.code_verifier === "string" ? body.code_verifier : "";
    if (pending.challenge !== null) {
      const expected =
        pending.method === "S256"
          ? createHash("sha256").update(verifier).digest("base64url")
          : verifier;
      if (expected !== pending.challenge) {
        return sendJson(
          response,
          403,
          errorBody(403, "Invalid code or code_verifier"),
        );
      }
    }
    sendJson(response, 200, { key: this.issue(), user_id: "user_fake" });
  }
}

function page(response: ServerResponse, status: number, body: string): void {
  const html = `<!doctype html><html><head><title>OpenRouter (fake)</title></head><body>${body}</body></html>`;
  response.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
  });
  response.end(html);
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
