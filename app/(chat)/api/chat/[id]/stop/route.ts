import { requireUser } from "@/lib/auth/session";
import { stopReply } from "@/lib/chat/reply-streams";
import { ParleyError } from "@/lib/errors";
import { assertSameOrigin, respond } from "@/lib/http";
import { conversationIdSchema } from "../../schema";

export const dynamic = "force-dynamic";

/**
 * Stops the replies running for a conversation, on whichever instance runs
 * them. The browser's own abort cannot do this: the server keeps generating
 * after a disconnect on purpose.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
) {
  return respond(request, async () => {
    await requireUser(request);
    assertSameOrigin(request);
    const parsed = conversationIdSchema.safeParse((await params).id);
    if (!parsed.success) {
      throw new ParleyError(
        "bad_request:api",
        "The conversation id is not valid.",
      );
    }
    const stopped = await stopReply(parsed.data);
    return Response.json({ stopped });
  });
}
