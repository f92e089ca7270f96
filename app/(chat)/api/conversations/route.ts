import { requireUser } from "@/lib/auth/session";
import { listConversations } from "@/lib/db/conversations";
import { readSearchParams, respond } from "@/lib/http";
import { conversationPageSchema } from "./schema";

export const dynamic = "force-dynamic";

/**
 * The sidebar's list, a page at a time: pinned conversations first, then
 * by recency. `nextCursor` fetches the following page; null ends the list.
 */
export async function GET(request: Request) {
  return respond(request, async () => {
    const user = await requireUser(request);
    const { cursor, limit } = readSearchParams(request, conversationPageSchema);
    return Response.json(
      await listConversations({
        userId: user.id,
        limit,
        after: cursor,
      }),
    );
  });
}
