import { requireUser } from "@/lib/auth/session";
import { loadAppDefaults } from "@/lib/chat/conversation-setup";
import { saveAppSettings } from "@/lib/db/settings";
import { readJsonBody, respond } from "@/lib/http";
import { appSettingsSchema } from "./schema";

export const dynamic = "force-dynamic";

/** The defaults new conversations start from. */
export async function GET(request: Request) {
  return respond(request, async () => {
    const user = await requireUser(request);
    return Response.json(await loadAppDefaults({ userId: user.id }));
  });
}

export async function PUT(request: Request) {
  return respond(request, async () => {
    const user = await requireUser(request);
    const body = await readJsonBody(request, appSettingsSchema);
    await saveAppSettings({ userId: user.id, ...body });
    return Response.json(body);
  });
}
