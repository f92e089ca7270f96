import "server-only";
import { type Env, getEnv } from "@/lib/env";
import { ParleyError } from "@/lib/errors";
import { storeKey } from "@/lib/keys";
import { describeError, log } from "@/lib/log";
import { serverSecret } from "@/lib/secret";
import { exchangeCode } from "./openrouter";
import { authorizationUrl, challengeOf, createVerifier } from "./pkce";
import { seal, unseal } from "./seal";

const COOKIE = "parley_openrouter_oauth";
const COOKIE_PATH = "/api/openrouter-key/oauth";
const PURPOSE = "openrouter-oauth";
/** OpenRouter's codes last ten minutes; the verifier need not outlive them. */
const LIFETIME_SECONDS = 600;

/** How a connection ended, as the settings page reads it from its URL. */
export type OAuthOutcome =
  | "connected"
  | "denied"
  | "expired"
  | "refused"
  | "unreachable";

/**
 * The first leg: a fresh PKCE verifier, sealed into a short-lived cookie
 * that only the callback reads, and OpenRouter's page to send the browser
 * to. The verifier never leaves the server in the clear, and a code
 * brought back by another browser cannot be used without it.
 */
export function startAuthorization(
  env: Env,
  userId: string,
): {
  location: string;
  cookie: string;
} {
  const verifier = createVerifier();
  const sealed = seal(
    JSON.stringify({ verifier, userId, at: Date.now() }),
    serverSecret(),
    PURPOSE,
  );
  const location = authorizationUrl({
    authUrl: env.OPENROUTER_AUTH_URL,
    callbackUrl: `${env.APP_URL}${COOKIE_PATH}/callback`,
    challenge: challengeOf(verifier),
    label: env.APP_NAME,
  });
  return { location, cookie: cookie(sealed, LIFETIME_SECONDS, env) };
}

/**
 * The second leg: the code and the verifier for a key, stored for the
 * person who started the flow, only if they are the one who came back.
 */
export async function finishAuthorization(
  request: Request,
  userId: string,
): Promise<{ outcome: OAuthOutcome; cookie: string }> {
  const cleared = cookie("", 0, getEnv());
  const code = new URL(request.url).searchParams.get("code");
  if (!code) return { outcome: "denied", cookie: cleared };
  const verifier = readVerifier(request, userId);
  if (!verifier) return { outcome: "expired", cookie: cleared };
  try {
    const key = await exchangeCode({ code, verifier });
    await storeKey(userId, key, "oauth");
    return { outcome: "connected", cookie: cleared };
  } catch (error) {
    log.warn("OpenRouter connection failed", describeError(error));
    const refused =
      error instanceof ParleyError &&
      (error.code === "forbidden:openrouter_key" ||
        error.code === "bad_request:openrouter_key");
    return { outcome: refused ? "refused" : "unreachable", cookie: cleared };
  }
}

function readVerifier(request: Request, userId: string): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  const raw = header
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
  if (!raw) return undefined;
  const opened = unseal(decodeURIComponent(raw), serverSecret(), PURPOSE);
  if (!opened) return undefined;
  try {
    const started = JSON.parse(opened) as {
      verifier?: unknown;
      userId?: unknown;
      at?: unknown;
    };
    const { verifier, at } = started;
    if (typeof verifier !== "string" || typeof at !== "number") {
      return undefined;
    }
    // Signed out and in as someone else meanwhile: not theirs to finish.
    if (started.userId !== userId) return undefined;
    return Date.now() - at <= LIFETIME_SECONDS * 1000 ? verifier : undefined;
  } catch {
    return undefined;
  }
}

function cookie(value: string, maxAge: number, env: Env): string {
  const secure = env.APP_URL.startsWith("https:") ? "; Secure" : "";
  return (
    `${COOKIE}=${encodeURIComponent(value)}; Path=${COOKIE_PATH}; ` +
    `Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`
  );
}
