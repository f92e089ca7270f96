import { streamReply } from "@/lib/chat/reply";
import { readJsonBody, respond } from "@/lib/http";
import { chatRequestSchema } from "./schema";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return respond(async () => {
    const body = await readJsonBody(request, chatRequestSchema);
    return streamReply(
      body.trigger === "submit-message"
        ? {
            kind: "send",
            conversationId: body.id,
            message: body.message,
            setup: body.setup,
          }
        : { kind: "retry", conversationId: body.id, parentId: body.parentId },
    );
  });
}
