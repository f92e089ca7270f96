import { requireUser } from "@/lib/auth/session";
import {
  conversationNotFound,
  loadThread,
  showVersion,
} from "@/lib/chat/branch";
import { ParleyError } from "@/lib/errors";
import { readJsonBody, respond } from "@/lib/http";
import { conversationIdSchema } from "../../../chat/schema";
import { versionSwitchSchema } from "./schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The branch the conversation shows, as UI messages and their versions. */
export async function GET(request: Request, { params }: Context) {
  return respond(request, async () => {
    const user = await requireUser(request);
    const conversationId = await parseId(params);
    const thread = await loadThread({ conversationId, userId: user.id });
    if (!thread) throw conversationNotFound();
    return Response.json(thread);
  });
}

/** Switches a shown message to another version and returns the branch. */
export async function POST(request: Request, { params }: Context) {
  return respond(request, async () => {
    const user = await requireUser(request);
    const conversationId = await parseId(params);
    const body = await readJsonBody(request, versionSwitchSchema);
    return Response.json(
      await showVersion({ conversationId, userId: user.id, ...body }),
    );
  });
}

async function parseId(params: Context["params"]): Promise<string> {
  const parsed = conversationIdSchema.safeParse((await params).id);
  if (!parsed.success) {
    throw new ParleyError(
      "bad_request:api",
      "The conversation id is not valid.",
    );
  }
  return parsed.data;
}
