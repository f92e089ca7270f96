import { accountsEnabled, requireUser } from "@/lib/auth/session";
import { streamReply } from "@/lib/chat/reply";
import { readJsonBody, requestIdOf, respond } from "@/lib/http";
import { clientKeyOfRequest, enforceRateLimit } from "@/lib/rate-limit";
import { chatRequestSchema, toTurnRequest } from "./schema";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return respond(request, async () => {
    const user = await requireUser(request);
    const body = await readJsonBody(request, chatRequestSchema);
    // Counted once the request is one we would answer, before any of it is
    // saved or sent upstream.
    await enforceRateLimit("chat", clientKeyOfRequest(request));
    // With accounts off everyone is the one local user: the address is all.
    if (accountsEnabled()) await enforceRateLimit("chat", `user:${user.id}`);
    return streamReply(toTurnRequest(body), {
      requestId: requestIdOf(request),
      userId: user.id,
    });
  });
}
