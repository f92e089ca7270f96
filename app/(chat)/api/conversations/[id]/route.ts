import { requireUser } from "@/lib/auth/session";
import { deleteConversation } from "@/lib/chat/delete-conversation";
import { updateConversation } from "@/lib/db/conversations";
import { ParleyError } from "@/lib/errors";
import { assertSameOrigin, readJsonBody, respond } from "@/lib/http";
import { readSettings } from "@/lib/settings/schema";
import { conversationIdSchema } from "../../chat/schema";
import { conversationUpdateSchema } from "./schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Renames, pins or unpins a conversation, or changes its model/settings. */
export async function PATCH(request: Request, { params }: Context) {
  return respond(request, async () => {
    const user = await requireUser(request);
    const id = await readId(params);
    const body = await readJsonBody(request, conversationUpdateSchema);
    const conversation = await updateConversation({
      id,
      userId: user.id,
      ...body,
    });
    if (!conversation) throw notFound();
    return Response.json({
      id: conversation.id,
      title: conversation.title,
      titleSource: conversation.titleSource,
      pinned: conversation.pinned,
      model: conversation.model,
      settings: readSettings(conversation.settings),
    });
  });
}

/** Deletes a conversation with all its messages. */
export async function DELETE(request: Request, { params }: Context) {
  return respond(request, async () => {
    const user = await requireUser(request);
    assertSameOrigin(request);
    const id = await readId(params);
    if (!(await deleteConversation({ id, userId: user.id }))) throw notFound();
    return Response.json({ id, deleted: true });
  });
}

async function readId(params: Context["params"]): Promise<string> {
  const id = conversationIdSchema.safeParse((await params).id);
  if (!id.success) {
    throw new ParleyError(
      "bad_request:api",
      "The conversation id is not valid.",
    );
  }
  return id.data;
}

function notFound(): ParleyError {
  return new ParleyError(
    "not_found:conversation",
    "This conversation does not exist.",
  );
}
