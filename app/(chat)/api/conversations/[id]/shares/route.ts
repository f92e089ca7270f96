import { requireUser } from "@/lib/auth/session";
import { getConversationById } from "@/lib/db/conversations";
import { listShareLinks } from "@/lib/db/share-links";
import { ParleyError } from "@/lib/errors";
import { readJsonBody, respond } from "@/lib/http";
import { createShare } from "@/lib/share/create";
import { conversationIdSchema } from "../../../chat/schema";
import { shareCreateSchema } from "./schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Creates a share link for the conversation. */
export async function POST(request: Request, { params }: Context) {
  return respond(request, async () => {
    const user = await requireUser(request);
    const conversationId = await readId(params);
    const body = await readJsonBody(request, shareCreateSchema);
    const link = await createShare({
      conversationId,
      userId: user.id,
      mode: body.mode,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
      includeSystemPrompt: body.includeSystemPrompt ?? false,
      indexable: body.indexable ?? false,
    });
    return Response.json({ link }, { status: 201 });
  });
}

/** The conversation's links, newest first. */
export async function GET(request: Request, { params }: Context) {
  return respond(request, async () => {
    const user = await requireUser(request);
    const conversationId = await readId(params);
    if (!(await getConversationById({ id: conversationId, userId: user.id }))) {
      throw new ParleyError(
        "not_found:conversation",
        "This conversation does not exist.",
      );
    }
    return Response.json({
      links: await listShareLinks({ conversationId, userId: user.id }),
    });
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
