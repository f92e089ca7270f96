import { requireUser } from "@/lib/auth/session";
import { conversationNotFound } from "@/lib/chat/branch";
import { getConversationsForExport } from "@/lib/db/transfer";
import { ParleyError } from "@/lib/errors";
import { exportResponse } from "@/lib/export/download";
import { readSearchParams, respond } from "@/lib/http";
import { conversationIdSchema } from "../../../chat/schema";
import { exportQuerySchema } from "../../../export/schema";

export const dynamic = "force-dynamic";

/** One conversation, every branch (JSON) or the one it shows (Markdown). */
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
    const id = parsed.data;
    const { format } = readSearchParams(request, exportQuerySchema);
    const [conversation] = await getConversationsForExport({
      id,
      userId: user.id,
    });
    if (!conversation) throw conversationNotFound();
    return exportResponse({
      conversations: [conversation],
      format,
      name: conversation.title,
    });
  });
}
