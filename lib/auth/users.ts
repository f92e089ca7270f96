import "server-only";
import { randomBytes } from "node:crypto";
import {
  getUserById,
  type PersonalCaps,
  setPersonalCaps,
  setServerKeyAllowed,
  type UserSummary,
} from "@/lib/db/users";
import { ParleyError } from "@/lib/errors";
import { getAuth, takeIssuedToken } from "./server";
import type { SessionUser } from "./session";

// The administrator's operations on accounts, through better-auth's admin
// plugin (it checks the administrator's session in `headers` again).

/**
 * Creates an account and returns a one-time link at which its owner
 * chooses a password. The account gets a random password nobody knows
 * until then, so the administrator never learns the real one.
 */
export async function inviteUser({
  email,
  headers,
}: {
  email: string;
  headers: Headers;
}): Promise<{ user: UserSummary; invitePath: string }> {
  const auth = getAuth();
  const created = await callAuth(() =>
    auth.api.createUser({
      body: {
        email,
        password: randomBytes(32).toString("base64url"),
        name: email.split("@")[0] ?? email,
        role: "user",
      },
      headers,
    }),
  );
  const user = await getUserById({ id: created.user.id });
  if (!user) throw userNotFound();
  return { user, invitePath: await passwordPath(user) };
}

/**
 * A new one-time link at which a user who forgot their password chooses
 * another; their sessions end when they do.
 */
export async function createPasswordLink({
  admin,
  userId,
}: {
  admin: SessionUser;
  userId: string;
}): Promise<{ invitePath: string }> {
  await requireOtherUser({ admin, userId });
  const user = await getUserById({ id: userId });
  if (!user) throw userNotFound();
  return { invitePath: await passwordPath(user) };
}

async function passwordPath(user: UserSummary): Promise<string> {
  await callAuth(() =>
    getAuth().api.requestPasswordReset({
      body: { email: user.email, redirectTo: "/sign-in" },
    }),
  );
  const token = takeIssuedToken(user.id);
  if (!token) {
    throw new ParleyError("internal:user", "The password link was not made.");
  }
  return `/invite/${token}`;
}

/**
 * Disables an account (its sessions end at once and signing in is refused
 * with a message saying so) or enables it again.
 */
export async function setUserDisabled({
  admin,
  userId,
  disabled,
  headers,
}: {
  admin: SessionUser;
  userId: string;
  disabled: boolean;
  headers: Headers;
}): Promise<UserSummary> {
  await requireOtherUser({ admin, userId });
  const auth = getAuth();
  if (disabled) {
    await callAuth(() =>
      auth.api.banUser({
        body: { userId, banReason: "Disabled by the administrator" },
        headers,
      }),
    );
  } else {
    await callAuth(() => auth.api.unbanUser({ body: { userId }, headers }));
  }
  const user = await getUserById({ id: userId });
  if (!user) throw userNotFound();
  return user;
}

/**
 * Whether a person's replies may fall back to the server's OpenRouter key;
 * the administrator's own account included (they may want to use only
 * their own key too).
 */
export async function setServerKeyAccess({
  userId,
  allowed,
}: {
  userId: string;
  allowed: boolean;
}): Promise<UserSummary> {
  if (!(await getUserById({ id: userId }))) throw userNotFound();
  await setServerKeyAllowed({ userId, allowed });
  const user = await getUserById({ id: userId });
  if (!user) throw userNotFound();
  return user;
}

/** A person's own spending caps; nulls give them the server's. */
export async function setSpendCaps({
  userId,
  caps,
}: {
  userId: string;
  caps: PersonalCaps;
}): Promise<UserSummary> {
  if (!(await getUserById({ id: userId }))) throw userNotFound();
  await setPersonalCaps({ userId, caps });
  const user = await getUserById({ id: userId });
  if (!user) throw userNotFound();
  return user;
}

/** Deletes an account with all its conversations, settings and links. */
export async function deleteUser({
  admin,
  userId,
  headers,
}: {
  admin: SessionUser;
  userId: string;
  headers: Headers;
}): Promise<void> {
  await requireOtherUser({ admin, userId });
  await callAuth(() => getAuth().api.removeUser({ body: { userId }, headers }));
}

async function requireOtherUser({
  admin,
  userId,
}: {
  admin: SessionUser;
  userId: string;
}): Promise<void> {
  if (userId === admin.id) {
    throw new ParleyError(
      "bad_request:user",
      "You cannot disable, delete or reset your own account here.",
    );
  }
  if (!(await getUserById({ id: userId }))) throw userNotFound();
}

function userNotFound(): ParleyError {
  return new ParleyError("not_found:user", "This account does not exist.");
}

/** better-auth's errors, as Parley's: its message, a status-shaped code. */
async function callAuth<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === "number" && status >= 400 && status < 500) {
      const message =
        error instanceof Error && error.message
          ? error.message
          : "The request was refused.";
      const code =
        status === 409 || /exist/i.test(message)
          ? "conflict:user"
          : "bad_request:user";
      throw new ParleyError(code, message, { cause: error });
    }
    throw error;
  }
}
