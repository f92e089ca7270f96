import { checkDatabase } from "@/lib/db/health";
import { respond } from "@/lib/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return respond(request, async () => {
    await checkDatabase();
    return Response.json({ status: "ok", database: "ok" });
  });
}
