import { requireUser } from "@/lib/auth/session";
import { streamReply } from "@/lib/chat/reply";
import { readJsonBody, requestIdOf, respond } from "@/lib/http";
import { chatRequestSchema, toTurnRequest } from "./schema";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return respond(request, async () => {
    const user = await requireUser(request);
    const body = await readJsonBody(request, chatRequestSchema);
    return streamReply(toTurnRequest(body), {
      requestId: requestIdOf(request),
      userId: user.id,
    });
  });
}
