import { getSessionCookie } from "better-auth/cookies";
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { PATH_HEADER } from "@/lib/auth/path-header";
import { signInPath } from "@/lib/auth/return-path";
import { contentSecurityPolicy, createNonce } from "@/lib/security-headers";
import { isShuttingDown } from "@/lib/shutdown";

const REQUEST_ID_HEADER = "x-request-id";

/**
 * Runs before routing on every page and API request: refuses everything
 * once the process is shutting down (see lib/server-shutdown.ts), refuses
 * addresses that are not valid percent-encoding (Next's router answers them with a bare
 * 500, and an id that cannot be decoded is the client's mistake), and gives
 * each page a Content-Security-Policy with a fresh nonce. The other security
 * headers are the same for every response: next.config.ts sends them.
 *
 * With accounts on, a page request without a session cookie is sent to
 * sign in at once. This is only a shortcut: the cookie is not verified
 * here, and every page and route checks the session itself
 * (lib/auth/session.ts).
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (isShuttingDown()) {
    // Replies already running go on; new work goes to another instance.
    return NextResponse.json(
      {
        error: {
          code: "unavailable:server",
          message: "Parley is restarting. Try again in a few seconds.",
          status: 503,
        },
      },
      { status: 503, headers: { "Retry-After": "5", Connection: "close" } },
    );
  }
  if (!isDecodable(pathname)) {
    return NextResponse.json(
      {
        error: {
          code: "bad_request:api",
          message: "The address is not valid percent-encoding.",
          status: 400,
        },
      },
      { status: 400 },
    );
  }
  if (pathname.startsWith("/api/")) {
    // One id per API request, for its log line (lib/http.ts) and the
    // response header; a sane id from a load balancer in front is kept.
    const requestHeaders = new Headers(request.headers);
    const given = request.headers.get(REQUEST_ID_HEADER) ?? "";
    const requestId = /^[\w.:-]{8,100}$/.test(given)
      ? given
      : crypto.randomUUID();
    requestHeaders.set(REQUEST_ID_HEADER, requestId);
    const response = NextResponse.next({
      request: { headers: requestHeaders },
    });
    // JSON and event streams: nothing in them may load or run anything.
    response.headers.set(
      "Content-Security-Policy",
      "default-src 'none'; frame-ancestors 'none'",
    );
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  }

  const { search } = request.nextUrl;
  if (needsSignIn(request)) {
    return NextResponse.redirect(
      new URL(signInPath(pathname + search), request.url),
    );
  }

  const policy = contentSecurityPolicy({
    nonce: createNonce(),
    development: process.env.NODE_ENV === "development",
  });
  // Next reads the nonce from the request's policy and puts it on the
  // scripts it renders; the browser reads the response's.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  // For a page that finds the session invalid and sends to sign in.
  requestHeaders.set(PATH_HEADER, pathname + search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Pages anyone may open: signing in and up, invitations and shared
// conversations.
const PUBLIC_PAGES = /^\/(sign-in|sign-up|share\/[^/]+|invite\/[^/]+)\/?$/;

function needsSignIn(request: NextRequest): boolean {
  if (process.env.PARLEY_ACCOUNTS === "off") return false;
  if (PUBLIC_PAGES.test(request.nextUrl.pathname)) return false;
  // Next's own data and metadata routes are not pages to redirect.
  if (request.nextUrl.pathname.startsWith("/_next/")) return false;
  return getSessionCookie(request) === null;
}

function isDecodable(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Static files are the same for everyone and carry no nonce.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
