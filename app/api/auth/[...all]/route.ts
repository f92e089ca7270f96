import { getAuth } from "@/lib/auth/server";
import { accountsEnabled } from "@/lib/auth/session";
import { ParleyError } from "@/lib/errors";
import { respond } from "@/lib/http";
import { clientKeyOfRequest, enforceRateLimit } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

// better-auth's own endpoints: sign-up, sign-in, sign-out, session and the
// admin plugin's, each logged as one request line (never with its body).
// The instance is made on the first request, not at build.
async function handle(request: Request): Promise<Response> {
  return respond(request, async () => {
    if (!accountsEnabled()) {
      throw new ParleyError(
        "not_found:api",
        "Accounts are off on this Parley (PARLEY_ACCOUNTS=off).",
      );
    }
    if (isSignIn(request)) await limitSignIn(request);
    return getAuth().handler(request);
  });
}

function isSignIn(request: Request): boolean {
  return (
    request.method === "POST" &&
    new URL(request.url).pathname.endsWith("/sign-in/email")
  );
}

/**
 * Spends a sign-in from the address's budget and from the named account's,
 * before better-auth checks the password: guessing from one address, or
 * at one account from many, runs out either way.
 */
async function limitSignIn(request: Request): Promise<void> {
  await enforceRateLimit("sign_in", clientKeyOfRequest(request));
  const body = (await request
    .clone()
    .json()
    .catch(() => null)) as { email?: unknown } | null;
  if (typeof body?.email === "string" && body.email.trim() !== "") {
    const account = body.email.trim().toLowerCase().slice(0, 320);
    await enforceRateLimit("sign_in", `account:${account}`);
  }
}

export { handle as GET, handle as POST };
