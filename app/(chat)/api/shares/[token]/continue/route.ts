import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, respond } from "@/lib/http";
import { continueShare } from "@/lib/share/continue";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

/** Copies what the link shows into a new conversation of one's own. */
export async function POST(request: Request, { params }: Context) {
  return respond(request, async () => {
    const user = await requireUser(request);
    assertSameOrigin(request);
    const { token } = await params;
    const { conversationId } = await continueShare({
      token,
      userId: user.id,
    });
    return Response.json({ conversationId }, { status: 201 });
  });
}
