import { getAuth } from "@/lib/auth/server";
import { accountsEnabled } from "@/lib/auth/session";
import { ParleyError } from "@/lib/errors";

export const dynamic = "force-dynamic";

// better-auth's own endpoints: sign-up, sign-in, sign-out, session and the
// admin plugin's. The instance is made on the first request, not at build.
async function handle(request: Request): Promise<Response> {
  if (!accountsEnabled()) {
    return new ParleyError(
      "not_found:api",
      "Accounts are off on this Parley (PARLEY_ACCOUNTS=off).",
    ).toResponse();
  }
  return getAuth().handler(request);
}

export { handle as GET, handle as POST };
