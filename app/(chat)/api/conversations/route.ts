import { listConversations } from "@/lib/db/conversations";
import { respond } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The sidebar's list: pinned conversations first, then by recency. */
export async function GET() {
  return respond(async () =>
    Response.json({ conversations: await listConversations() }),
  );
}
