import { requireUser } from "@/lib/auth/session";
import { searchConversations } from "@/lib/db/search";
import { readSearchParams, respond } from "@/lib/http";
import { searchQuerySchema } from "./schema";

export const dynamic = "force-dynamic";

const RESULT_LIMIT = 20;

/** Conversations whose title or messages match, best matches first. */
export async function GET(request: Request) {
  return respond(request, async () => {
    const user = await requireUser(request);
    const { q } = readSearchParams(request, searchQuerySchema);
    const results = await searchConversations({
      userId: user.id,
      query: q,
      limit: RESULT_LIMIT,
    });
    return Response.json({ results });
  });
}
