import { requireUser } from "@/lib/auth/session";
import { revokeShareLinkByToken } from "@/lib/db/share-links";
import { assertSameOrigin, respond } from "@/lib/http";
import { shareNotFound } from "@/lib/share/errors";
import { isShareTokenShape } from "@/lib/share/token";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

/** Revokes a link: it answers 404 from the next request on. */
export async function DELETE(request: Request, { params }: Context) {
  return respond(request, async () => {
    const user = await requireUser(request);
    assertSameOrigin(request);
    const { token } = await params;
    if (!isShareTokenShape(token)) throw shareNotFound();
    const link = await revokeShareLinkByToken({ token, userId: user.id });
    if (!link) throw shareNotFound();
    return Response.json({ link });
  });
}
