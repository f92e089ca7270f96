import { updateConversation } from "@/lib/db/conversations";
import { ParleyError } from "@/lib/errors";
import { readJsonBody, respond } from "@/lib/http";
import { readSettings } from "@/lib/settings/schema";
import { conversationIdSchema } from "../../chat/schema";
import { conversationUpdateSchema } from "./schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Changes the model or the generation settings of a conversation. */
export async function PATCH(request: Request, { params }: Context) {
  return respond(async () => {
    const id = conversationIdSchema.safeParse((await params).id);
    if (!id.success) {
      throw new ParleyError(
        "bad_request:api",
        "The conversation id is not valid.",
      );
    }
    const body = await readJsonBody(request, conversationUpdateSchema);
    const conversation = await updateConversation({ id: id.data, ...body });
    if (!conversation) {
      throw new ParleyError(
        "not_found:conversation",
        "This conversation does not exist.",
      );
    }
    return Response.json({
      id: conversation.id,
      model: conversation.model,
      settings: readSettings(conversation.settings),
    });
  });
}
