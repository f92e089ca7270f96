import {
  type APIRequestContext,
  type Page,
  request as playwrightRequest,
} from "@playwright/test";
import { type AppServer, startApp } from "../support/app-server";
import { expect } from "../support/fixtures";
import { freePort } from "../support/ports";

export const PASSWORD = "correct horse battery";

/** An instance of its own with accounts on and an empty database. */
export async function startAccountsApp(name: string): Promise<AppServer> {
  const port = await freePort();
  return startApp({
    port,
    databaseUrl: `file:./data/test/accounts-${name}-${port}.db`,
    fresh: true,
    env: { PARLEY_ACCOUNTS: "on" },
  });
}

/**
 * A client with its own cookie jar. Requests carry the instance's origin,
 * as a browser's would on the same site.
 */
export function client(app: AppServer): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: app.url,
    extraHTTPHeaders: { origin: app.url },
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

/** Fills the sign-in (or first-run) form and waits for the chat page. */
export async function signInWithForm(
  page: Page,
  { email, button }: { email: string; button: "Sign in" | "Create account" },
) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByRole("textbox", { name: "Message" })).toBeVisible();
  await expect(page.getByTestId("account-email")).toHaveText(email);
}
