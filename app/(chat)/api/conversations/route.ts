import { listConversations } from "@/lib/db/conversations";
import { respond } from "@/lib/http";

export const dynamic = "force-dynamic";

export async function GET() {
  return respond(async () =>
    Response.json({ conversations: await listConversations() }),
  );
}
