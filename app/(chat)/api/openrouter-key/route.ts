import { requireUser } from "@/lib/auth/session";
import { assertSameOrigin, readJsonBody, respond } from "@/lib/http";
import { keyStatus, removeKey, storeKey } from "@/lib/keys";
import { storeKeySchema } from "./schema";

export const dynamic = "force-dynamic";

/** Which key replies use: a stored one (its last four), or the server's. */
export async function GET(request: Request) {
  return respond(request, async () => {
    const user = await requireUser(request);
    return Response.json({ status: await keyStatus(user.id) });
  });
}

/** Stores a pasted key, once OpenRouter has accepted it. */
export async function PUT(request: Request) {
  return respond(request, async () => {
    const user = await requireUser(request);
    const { key } = await readJsonBody(request, storeKeySchema);
    const info = await storeKey(user.id, key, "pasted");
    return Response.json({ status: await keyStatus(user.id), info });
  });
}

/** Forgets the stored key; replies fall back to the server's, if any. */
export async function DELETE(request: Request) {
  return respond(request, async () => {
    const user = await requireUser(request);
    assertSameOrigin(request);
    const removed = await removeKey(user.id);
    return Response.json({ removed, status: await keyStatus(user.id) });
  });
}
