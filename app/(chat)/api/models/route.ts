import { listModels } from "@/lib/ai/models";
import { requireUser } from "@/lib/auth/session";
import { respond } from "@/lib/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return respond(request, async () => {
    await requireUser(request);
    return Response.json(await listModels());
  });
}
