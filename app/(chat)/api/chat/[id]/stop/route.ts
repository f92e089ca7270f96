import { requireUser } from "@/lib/auth/session";
import { conversationNotFound } from "@/lib/chat/branch";
import { stopReply } from "@/lib/chat/reply-streams";
import { getConversationById } from "@/lib/db/conversations";
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
    const user = await requireUser(request);
    assertSameOrigin(request);
    const parsed = conversationIdSchema.safeParse((await params).id);
    if (!parsed.success) {
      throw new ParleyError(
        "bad_request:api",
        "The conversation id is not valid.",
      );
    }
    // Another user's conversation answers as a missing one.
    if (!(await getConversationById({ id: parsed.data, userId: user.id }))) {
      throw conversationNotFound();
    }
    const stopped = await stopReply(parsed.data);
    return Response.json({ stopped });
  });
}
