import { createUIMessageStreamResponse } from "ai";
import { requireUser } from "@/lib/auth/session";
import { conversationNotFound } from "@/lib/chat/branch";
import { joinReply } from "@/lib/chat/reply-streams";
import { getConversationById } from "@/lib/db/conversations";
import { ParleyError } from "@/lib/errors";
import { respond } from "@/lib/http";
import { conversationIdSchema } from "../../schema";

export const dynamic = "force-dynamic";

/**
 * Joins the reply running for a conversation from its first chunk: what a
 * tab reloaded mid-reply (here or on another instance) asks for. 204 when
 * nothing runs; the page already shows what was saved.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
) {
  return respond(request, async () => {
    const user = await requireUser(request);
    const parsed = conversationIdSchema.safeParse((await params).id);
    if (!parsed.success) {
      throw new ParleyError(
        "bad_request:api",
        "The conversation id is not valid.",
      );
    }
    if (!(await getConversationById({ id: parsed.data, userId: user.id }))) {
      throw conversationNotFound();
    }
    const stream = await joinReply({
      conversationId: parsed.data,
      signal: request.signal,
    });
    if (!stream) return new Response(null, { status: 204 });
    return createUIMessageStreamResponse({
      stream,
      headers: { "cache-control": "no-cache, no-transform" },
    });
  });
}
