import { requireUser } from "@/lib/auth/session";
import { respond } from "@/lib/http";
import { loadSpendReport } from "@/lib/spend/server";

export const dynamic = "force-dynamic";

/** Spending against the caps, by day and by model (see SpendReport). */
export async function GET(request: Request) {
  return respond(request, async () => {
    const user = await requireUser(request);
    return Response.json({ report: await loadSpendReport(user.id) });
  });
}
