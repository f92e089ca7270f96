import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { databaseProvider, getDb } from "@/lib/db/client";
import {
  adoptUnownedData,
  countUsers,
  getAllowSignUp,
  getFirstUserId,
  setUserRole,
} from "@/lib/db/users";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { authSecret } from "./secret";

/** How long an invitation link stays valid: three days. */
export const INVITE_SECONDS = 3 * 24 * 60 * 60;

// Invitations reuse better-auth's password-reset tokens: the token is
// caught here and shown to the administrator, never mailed anywhere (see
// lib/auth/users.ts). Its public endpoint that issues tokens is disabled.
const issuedTokens = new Map<string, string>();

/** The password token just issued for a user, once. */
export function takeIssuedToken(userId: string): string | undefined {
  const token = issuedTokens.get(userId);
  issuedTokens.delete(userId);
  return token;
}

export const DISABLED_MESSAGE =
  "This account has been disabled. Ask the administrator of this Parley.";

function createAuth() {
  const env = getEnv();
  return betterAuth({
    appName: env.APP_NAME,
    baseURL: env.APP_URL,
    secret: authSecret(),
    database: prismaAdapter(getDb(), { provider: databaseProvider() }),
    // Self-hosted: nothing is reported anywhere.
    telemetry: { enabled: false },
    trustedOrigins: (request) => {
      // The same origins lib/http.ts assertSameOrigin accepts.
      const host = request?.headers.get("host");
      return host ? [`http://${host}`, `https://${host}`] : [];
    },
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      resetPasswordTokenExpiresIn: INVITE_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        issuedTokens.set(user.id, token);
      },
    },
    disabledPaths: ["/request-password-reset"],
    databaseHooks: {
      user: {
        create: {
          before: async (user, context) => {
            const first = (await countUsers()) === 0;
            // Invitations come through the admin plugin's own endpoint,
            // which checks that an administrator asks.
            if (context?.path === "/sign-up/email" && !first) {
              if (!(await getAllowSignUp())) {
                throw new APIError("FORBIDDEN", {
                  message:
                    "Sign-up is closed on this Parley. Ask its administrator for an invitation.",
                  code: "SIGN_UP_CLOSED",
                });
              }
            }
            return { data: { ...user, role: first ? "admin" : "user" } };
          },
          after: async (user) => {
            if (user.role !== "admin") return;
            // Two first sign-ups at once both saw no account: only the
            // older stays administrator.
            if ((await getFirstUserId()) !== user.id) {
              await setUserRole({ id: user.id, role: "user" });
              return;
            }
            const { conversations } = await adoptUnownedData({
              userId: user.id,
              fromLocalUser: true,
            });
            if (conversations > 0) {
              log.info("first account adopted earlier conversations", {
                userId: user.id,
                conversations,
              });
            }
          },
        },
      },
    },
    plugins: [admin({ bannedUserMessage: DISABLED_MESSAGE }), nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { parleyAuth?: Auth };

/** The better-auth instance, made on first use (never at build time). */
export function getAuth(): Auth {
  globalForAuth.parleyAuth ??= createAuth();
  return globalForAuth.parleyAuth;
}
