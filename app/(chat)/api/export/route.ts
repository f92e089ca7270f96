import { requireUser } from "@/lib/auth/session";
import { getConversationsForExport } from "@/lib/db/transfer";
import { exportResponse } from "@/lib/export/download";
import { readSearchParams, respond } from "@/lib/http";
import { exportQuerySchema } from "./schema";

export const dynamic = "force-dynamic";

/** Every conversation, as one JSON or Markdown file. */
export async function GET(request: Request) {
  return respond(request, async () => {
    const user = await requireUser(request);
    const { format } = readSearchParams(request, exportQuerySchema);
    const conversations = await getConversationsForExport({
      userId: user.id,
    });
    return exportResponse({ conversations, format, name: "all" });
  });
}
