import { requireAdmin } from "@/lib/auth/session";
import {
  deleteUser,
  setServerKeyAccess,
  setSpendCaps,
  setUserDisabled,
} from "@/lib/auth/users";
import { ParleyError } from "@/lib/errors";
import { assertSameOrigin, readJsonBody, respond } from "@/lib/http";
import { userIdSchema, userUpdateSchema } from "../schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * Disables an account (ending its sessions) or enables it again; allows or
 * denies it the server's OpenRouter key; or sets its spending caps.
 */
export async function PATCH(request: Request, { params }: Context) {
  return respond(request, async () => {
    const admin = await requireAdmin(request);
    const userId = await readId(params);
    const change = await readJsonBody(request, userUpdateSchema);
    if ("spendCaps" in change) {
      const user = await setSpendCaps({ userId, caps: change.spendCaps });
      return Response.json({ user });
    }
    if ("serverKeyAllowed" in change) {
      const user = await setServerKeyAccess({
        userId,
        allowed: change.serverKeyAllowed,
      });
      return Response.json({ user });
    }
    const user = await setUserDisabled({
      admin,
      userId,
      disabled: change.disabled,
      headers: request.headers,
    });
    return Response.json({ user });
  });
}

/** Deletes an account and everything it owns. */
export async function DELETE(request: Request, { params }: Context) {
  return respond(request, async () => {
    assertSameOrigin(request);
    const admin = await requireAdmin(request);
    const userId = await readId(params);
    await deleteUser({ admin, userId, headers: request.headers });
    return Response.json({ id: userId, deleted: true });
  });
}

async function readId(params: Context["params"]): Promise<string> {
  const parsed = userIdSchema.safeParse((await params).id);
  if (!parsed.success) {
    throw new ParleyError("not_found:user", "This account does not exist.");
  }
  return parsed.data;
}
