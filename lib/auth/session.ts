import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import {
  adoptUnownedData,
  LOCAL_USER_ID,
  upsertLocalUser,
} from "@/lib/db/users";
import { getEnv } from "@/lib/env";
import { ParleyError } from "@/lib/errors";
import { noteRequestUser } from "@/lib/http";
import { PATH_HEADER } from "./path-header";
import { signInPath } from "./return-path";
import { getAuth } from "./server";

export type SessionUser = {
  id: string;
  email: string;
  role: "admin" | "user";
};

/** Who owns everything when accounts are off (PARLEY_ACCOUNTS=off). */
export const LOCAL_USER: SessionUser = {
  id: LOCAL_USER_ID,
  email: "local@localhost",
  role: "admin",
};

export function accountsEnabled(): boolean {
  return getEnv().PARLEY_ACCOUNTS === "on";
}

let localUserReady: Promise<void> | undefined;

/**
 * Creates the local user once per process and gives it the rows that have
 * no owner (made before accounts, or while accounts were on and then
 * deleted: none, since deleting a user deletes its rows).
 */
export function ensureLocalUser(): Promise<void> {
  localUserReady ??= (async () => {
    await upsertLocalUser(LOCAL_USER);
    await adoptUnownedData({ userId: LOCAL_USER.id });
  })().catch((error: unknown) => {
    localUserReady = undefined;
    throw error;
  });
  return localUserReady;
}

/** The signed-in user of a request, or null. */
export async function currentUser(
  requestHeaders: Headers,
): Promise<SessionUser | null> {
  if (!accountsEnabled()) {
    await ensureLocalUser();
    return LOCAL_USER;
  }
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session || session.user.banned) return null;
  return {
    id: session.user.id,
    email: session.user.email,
    role: session.user.role === "admin" ? "admin" : "user",
  };
}

/**
 * The authoritative check of every API route: the signed-in user, or a 401
 * with a stable code. The user's id goes on the request's log line.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await currentUser(request.headers);
  if (!user) {
    throw new ParleyError("unauthorized:auth", "Sign in to use Parley.");
  }
  noteRequestUser(request, user.id);
  return user;
}

/**
 * Like requireUser, for the routes only the administrator may use. With
 * accounts off there are no accounts to administer.
 */
export async function requireAdmin(request: Request): Promise<SessionUser> {
  if (!accountsEnabled()) {
    throw new ParleyError(
      "not_found:api",
      "Accounts are off on this Parley (PARLEY_ACCOUNTS=off).",
    );
  }
  const user = await requireUser(request);
  if (user.role !== "admin") {
    throw new ParleyError(
      "forbidden:auth",
      "Only the administrator of this Parley can do this.",
    );
  }
  return user;
}

/**
 * The signed-in user of a page; anyone else is sent to sign in, and back
 * here afterwards.
 */
export async function requirePageUser(): Promise<SessionUser> {
  const { user, path } = await pageSession();
  if (!user) redirect(signInPath(path));
  return user;
}

// Once per page render: the layout, the page and its metadata all ask.
const pageSession = cache(async () => {
  const requestHeaders = await headers();
  return {
    user: await currentUser(requestHeaders),
    path: requestHeaders.get(PATH_HEADER),
  };
});
