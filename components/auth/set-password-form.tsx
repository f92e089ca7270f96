"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useHydrated } from "@/components/use-hydrated";

/** Sets the password of an invited account through better-auth. */
export function SetPasswordForm({ token }: { token: string }) {
  const [state, setState] = useState<"idle" | "pending" | "done">("idle");
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const newPassword = String(
      new FormData(event.currentTarget).get("password") ?? "",
    );
    setState("pending");
    setError(null);
    try {
      const response = await fetch("/api/auth/reset-password", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, newPassword }),
      });
      if (response.ok) {
        setState("done");
        return;
      }
      setError(
        response.status === 400
          ? "This invitation link is not valid any more. Ask the administrator for a new one."
          : "The password was not set. Try again in a moment.",
      );
    } catch {
      setError("Parley could not be reached. Try again in a moment.");
    }
    setState("idle");
  }

  if (state === "done") {
    return (
      <p role="status" className="text-sm">
        Your password is set.{" "}
        <Link href="/sign-in" className="underline">
          Sign in
        </Link>
      </p>
    );
  }
  return (
    // As CredentialsForm: never a browser's own submit with the password.
    <form method="post" onSubmit={submit} className="flex flex-col gap-3">
      <label className="flex flex-col gap-1 text-sm">
        Password
        <input
          name="password"
          type="password"
          required
          minLength={8}
          autoComplete="new-password"
          className="w-full rounded-md border border-zinc-300 bg-transparent px-3 py-2 text-sm dark:border-zinc-700"
        />
      </label>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={state === "pending" || !hydrated}
        className="rounded-md bg-zinc-900 px-3 py-2 text-sm text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900"
      >
        Set password
      </button>
    </form>
  );
}
