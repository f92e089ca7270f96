import { rmSync } from "node:fs";
import {
  type APIRequestContext,
  type Page,
  request as playwrightRequest,
} from "@playwright/test";
import { databaseFile } from "../api/helpers";
import { type AppServer, startApp } from "../support/app-server";
import { expect } from "../support/fixtures";
import { freePort } from "../support/ports";

export const PASSWORD = "correct horse battery";

export type AccountsApp = AppServer & { databaseUrl: string };

/**
 * An instance of its own with accounts on and an empty database, which
 * `stop` removes.
 */
export async function startAccountsApp(
  name: string,
  env: Record<string, string> = {},
): Promise<AccountsApp> {
  const port = await freePort();
  const databaseUrl = `file:./data/test/accounts-${name}-${port}.db`;
  const app = await startApp({
    port,
    databaseUrl,
    fresh: true,
    env: { PARLEY_ACCOUNTS: "on", ...env },
  });
  return {
    ...app,
    databaseUrl,
    stop: async (signal) => {
      await app.stop(signal);
      removeDatabase(databaseUrl);
    },
  };
}

/** Deletes an SQLite test database with its journal files. */
export function removeDatabase(databaseUrl: string): void {
  const file = databaseFile(databaseUrl);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) {
    rmSync(`${file}${suffix}`, { force: true });
  }
}

let clients = 0;

/**
 * A client with its own cookie jar, as another person on another machine:
 * requests carry the instance's origin, as a browser's would, and an
 * address of their own, so that better-auth's sign-in limit (3 per 10 s
 * per address) counts each person apart.
 */
export function client(app: AppServer): Promise<APIRequestContext> {
  clients += 1;
  return playwrightRequest.newContext({
    baseURL: app.url,
    extraHTTPHeaders: {
      origin: app.url,
      "x-forwarded-for": `198.51.100.${clients % 250}`,
    },
  });
}

/** Creates an account through better-auth's endpoint (signs it in). */
export async function signUp(
  api: APIRequestContext,
  email: string,
  password = PASSWORD,
) {
  return api.post("/api/auth/sign-up/email", {
    data: { email, password, name: email.split("@")[0] },
  });
}

export async function signIn(
  api: APIRequestContext,
  email: string,
  password = PASSWORD,
) {
  return api.post("/api/auth/sign-in/email", { data: { email, password } });
}

/**
 * An account made by the administrator through better-auth's admin API,
 * then signed in through `api` (a client of its own).
 */
export async function createMember(
  admin: APIRequestContext,
  api: APIRequestContext,
  email: string,
) {
  const created = await admin.post("/api/auth/admin/create-user", {
    data: {
      email,
      password: PASSWORD,
      name: email.split("@")[0],
      role: "user",
    },
  });
  expect(created.status(), await created.text()).toBe(200);
  expect((await signIn(api, email)).status()).toBe(200);
}

/** Fills the sign-in (or first-run) form and waits for the chat layout. */
export async function signInWithForm(
  page: Page,
  { email, button }: { email: string; button: "Sign in" | "Create account" },
) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByTestId("account-email")).toHaveText(email);
}

/**
 * What the browser refused under the pages' Content-Security-Policy (the
 * console errors Chromium logs), as e2e/security/headers.spec.ts checks
 * for the other pages.
 */
export function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return violations;
}

type ExportMessage = {
  id: string;
  parentId: string | null;
  role: "user" | "assistant";
  text: string;
};

/**
 * A Parley export file (lib/export/format.ts) holding one conversation:
 * the quickest way to give an account a conversation of its own, no
 * upstream involved.
 */
export function exportFileOf({
  id,
  title,
  messages = [],
}: {
  id: string;
  title: string;
  messages?: ExportMessage[];
}) {
  const at = new Date().toISOString();
  return {
    format: "parley-export",
    version: 1,
    exportedAt: at,
    conversations: [
      {
        id,
        title,
        titleSource: "user",
        model: "openai/gpt-test",
        settings: null,
        pinned: false,
        activeLeafId: null,
        createdAt: at,
        updatedAt: at,
        messages: messages.map((message) => ({
          id: message.id,
          parentId: message.parentId,
          role: message.role,
          parts: [{ type: "text", text: message.text }],
          status: "complete",
          model: message.role === "assistant" ? "openai/gpt-test" : null,
          finishReason: null,
          error: null,
          usage: null,
          cost: null,
          reasoningMs: null,
          providerMetadata: null,
          createdAt: at,
          updatedAt: at,
        })),
      },
    ],
  };
}
