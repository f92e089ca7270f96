import { requireUser } from "@/lib/auth/session";
import { ParleyError } from "@/lib/errors";
import { assertSameOrigin, respond } from "@/lib/http";
import { describeActiveKey } from "@/lib/keys";

export const dynamic = "force-dynamic";

/** What OpenRouter says of the key in use: label, usage, limit. */
export async function POST(request: Request) {
  return respond(request, async () => {
    const user = await requireUser(request);
    assertSameOrigin(request);
    const info = await describeActiveKey(user.id);
    if (!info) {
      throw new ParleyError(
        "config:openrouter_key",
        "There is no OpenRouter key to test: connect your account or paste a key.",
      );
    }
    return Response.json({ info });
  });
}
