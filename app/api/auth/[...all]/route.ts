import { getAuth } from "@/lib/auth/server";
import { accountsEnabled } from "@/lib/auth/session";
import { ParleyError } from "@/lib/errors";
import { respond } from "@/lib/http";

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
    return getAuth().handler(request);
  });
}

export { handle as GET, handle as POST };
