import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { respond } from "@/lib/http";
import { startAuthorization } from "@/lib/keys/oauth";

export const dynamic = "force-dynamic";

/** Sends the browser to OpenRouter to approve a key for Parley. */
export async function GET(request: Request) {
  return respond(request, async () => {
    const user = await requireUser(request);
    const { location, cookie } = startAuthorization(getEnv(), user.id);
    return new Response(null, {
      status: 303,
      headers: { Location: location, "Set-Cookie": cookie },
    });
  });
}
