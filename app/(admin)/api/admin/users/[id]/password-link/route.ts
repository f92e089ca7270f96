import { requireAdmin } from "@/lib/auth/session";
import { createPasswordLink } from "@/lib/auth/users";
import { ParleyError } from "@/lib/errors";
import { assertSameOrigin, respond } from "@/lib/http";
import { userIdSchema } from "../../schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** A one-time link for a user who forgot their password. */
export async function POST(request: Request, { params }: Context) {
  return respond(request, async () => {
    assertSameOrigin(request);
    const admin = await requireAdmin(request);
    const parsed = userIdSchema.safeParse((await params).id);
    if (!parsed.success) {
      throw new ParleyError("not_found:user", "This account does not exist.");
    }
    const link = await createPasswordLink({ admin, userId: parsed.data });
    return Response.json(link, { status: 201 });
  });
}
