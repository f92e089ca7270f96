import { requireAdmin } from "@/lib/auth/session";
import { inviteUser } from "@/lib/auth/users";
import { listUsers } from "@/lib/db/users";
import { readJsonBody, respond } from "@/lib/http";
import { inviteSchema } from "./schema";

export const dynamic = "force-dynamic";

/** Every account, oldest first (the administrator's is the first). */
export async function GET(request: Request) {
  return respond(request, async () => {
    await requireAdmin(request);
    return Response.json({ users: await listUsers() });
  });
}

/** Creates an account and answers its one-time invitation link. */
export async function POST(request: Request) {
  return respond(request, async () => {
    await requireAdmin(request);
    const { email } = await readJsonBody(request, inviteSchema);
    const invite = await inviteUser({ email, headers: request.headers });
    return Response.json(invite, { status: 201 });
  });
}
