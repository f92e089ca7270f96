import { requireUser } from "@/lib/auth/session";
import { listShareLinks } from "@/lib/db/share-links";
import { respond } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Every share link, for the settings list. */
export async function GET(request: Request) {
  return respond(request, async () => {
    const user = await requireUser(request);
    return Response.json({ links: await listShareLinks({ userId: user.id }) });
  });
}
