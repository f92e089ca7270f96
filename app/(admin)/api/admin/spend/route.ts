import { requireAdmin } from "@/lib/auth/session";
import { respond } from "@/lib/http";
import { loadServerSpendReport } from "@/lib/spend/server";

export const dynamic = "force-dynamic";

/** Everyone's spending by day and by model, and by person. */
export async function GET(request: Request) {
  return respond(request, async () => {
    await requireAdmin(request);
    return Response.json(await loadServerSpendReport());
  });
}
