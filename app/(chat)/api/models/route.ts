import { listModels } from "@/lib/ai/models";
import { respond } from "@/lib/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return respond(request, async () => Response.json(await listModels()));
}
