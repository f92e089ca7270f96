import { requireUser } from "@/lib/auth/session";
import { respond } from "@/lib/http";
import { finishAuthorization } from "@/lib/keys/oauth";

export const dynamic = "force-dynamic";

/**
 * Where OpenRouter sends the browser back: the code becomes a key, stored
 * like a pasted one, and Settings says how it went.
 */
export async function GET(request: Request) {
  return respond(request, async () => {
    const user = await requireUser(request);
    const { outcome, cookie } = await finishAuthorization(request, user.id);
    return new Response(null, {
      status: 303,
      headers: {
        Location: `/settings?openrouter=${outcome}#openrouter-key`,
        "Set-Cookie": cookie,
      },
    });
  });
}
