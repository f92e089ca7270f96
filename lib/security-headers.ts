/**
 * The Content-Security-Policy of Parley's pages. Scripts run only from this
 * origin and only when they carry the nonce of the response (Next puts it on
 * its own scripts when it finds it in the request's policy), so markup that
 * slipped into a message could not run even if rendering let it through.
 *
 * Style attributes stay allowed: KaTeX lays formulas out with them, and an
 * injected style can't run code. Style elements need the nonce, as scripts do.
 */
export function contentSecurityPolicy({
  nonce,
  development = false,
}: {
  nonce: string;
  development?: boolean;
}): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React's development build evaluates code for its error overlays.
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    "style-src": ["'self'", "'unsafe-inline'"],
    "style-src-elem": ["'self'", `'nonce-${nonce}'`],
    "style-src-attr": ["'unsafe-inline'"],
    // Models' images are shown as links (a tracking pixel would fire on
    // view), so nothing here loads from elsewhere.
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** Sent with every response, pages and API alike. */
export const securityHeaders: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  // Links that leave Parley (a shared page's citations, say) tell the other
  // site where they came from, but never the path: a share token stays here.
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** A nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
