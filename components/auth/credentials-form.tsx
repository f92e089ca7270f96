"use client";

import { type FormEvent, useState } from "react";
import { useHydrated } from "@/components/use-hydrated";
import { parseErrorBody } from "@/lib/errors";

const inputClass =
  "w-full rounded-md border border-zinc-300 bg-transparent px-3 py-2 text-sm dark:border-zinc-700";

/**
 * Email and password, sent to better-auth's endpoints. On success the
 * session cookie is set and the whole app loads afresh.
 */
export function CredentialsForm({
  mode,
  returnTo,
}: {
  mode: "sign-in" | "sign-up";
  /** A path of this site (checked by the page). */
  returnTo: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/auth/${mode}/email`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(
          mode === "sign-up"
            ? { email, password, name: email.split("@")[0] ?? email }
            : { email, password },
        ),
      });
      if (response.ok) {
        window.location.assign(returnTo);
        return;
      }
      setError(await failureMessage(response));
    } catch {
      setError("Parley could not be reached. Try again in a moment.");
    }
    setPending(false);
  }

  return (
    // POST, and no submitting before the handler is attached: a browser's
    // own submit would put the password in the address as a query string.
    <form method="post" onSubmit={submit} className="flex flex-col gap-3">
      <label className="flex flex-col gap-1 text-sm">
        Email
        <input
          name="email"
          type="email"
          required
          autoComplete="email"
          className={inputClass}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Password
        <input
          name="password"
          type="password"
          required
          minLength={mode === "sign-up" ? 8 : undefined}
          autoComplete={
            mode === "sign-up" ? "new-password" : "current-password"
          }
          className={inputClass}
        />
      </label>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending || !hydrated}
        className="rounded-md bg-zinc-900 px-3 py-2 text-sm text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900"
      >
        {mode === "sign-up" ? "Create account" : "Sign in"}
      </button>
    </form>
  );
}

async function failureMessage(response: Response): Promise<string> {
  const text = await response.text();
  // Parley's own refusals (rate limits) carry their words.
  const refusal = parseErrorBody(text);
  if (refusal) return refusal.message;
  if (response.status === 429) {
    return "Too many attempts. Wait a few seconds and try again.";
  }
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === "string" && body.message) return body.message;
  } catch {
    // Not JSON: fall through.
  }
  return "That did not work. Check the email and password.";
}
