import { listShareLinks } from "@/lib/db/share-links";
import { respond } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Every share link, for the settings list. */
export async function GET(request: Request) {
  return respond(request, async () =>
    Response.json({ links: await listShareLinks() }),
  );
}
