import { requireAdmin } from "@/lib/auth/session";
import { getAllowSignUp, setAllowSignUp } from "@/lib/db/users";
import { readJsonBody, respond } from "@/lib/http";
import { serverSettingsSchema } from "./schema";

export const dynamic = "force-dynamic";

/** Whether strangers may create an account. */
export async function GET(request: Request) {
  return respond(request, async () => {
    await requireAdmin(request);
    return Response.json({ allowSignUp: await getAllowSignUp() });
  });
}

export async function PUT(request: Request) {
  return respond(request, async () => {
    await requireAdmin(request);
    const { allowSignUp } = await readJsonBody(request, serverSettingsSchema);
    await setAllowSignUp({ allow: allowSignUp });
    return Response.json({ allowSignUp });
  });
}
