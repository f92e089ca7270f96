import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { importConversations } from "@/lib/db/transfer";
import { ParleyError } from "@/lib/errors";
import { validateExportFile } from "@/lib/export/validate";
import { readJsonBody, respond } from "@/lib/http";

export const dynamic = "force-dynamic";

/** An export of every conversation of a long-used Parley fits easily. */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * Imports a Parley JSON export: checked whole first, then written in one
 * transaction, adding only what is not here yet.
 */
export async function POST(request: Request) {
  return respond(request, async () => {
    const user = await requireUser(request);
    const file = await readJsonBody(request, z.unknown(), {
      maxBytes: MAX_IMPORT_BYTES,
    });
    const checked = validateExportFile(file);
    if (!checked.ok) {
      throw new ParleyError("bad_request:import", checked.message);
    }
    const summary = await importConversations({
      userId: user.id,
      conversations: checked.conversations,
    });
    return Response.json(summary);
  });
}
