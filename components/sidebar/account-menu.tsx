"use client";

import Link from "next/link";
import { useState } from "react";
import { useHydrated } from "@/components/use-hydrated";

export type SidebarAccount = { email: string; isAdmin: boolean };

/** Who is signed in, and the way out. */
export function AccountMenu({ account }: { account: SidebarAccount }) {
  const [pending, setPending] = useState(false);
  const ready = useHydrated();

  async function signOut() {
    setPending(true);
    try {
      await fetch("/api/auth/sign-out", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
    } finally {
      // Signed out or not, the sign-in page tells which.
      window.location.assign("/sign-in");
    }
  }

  return (
    <section
      aria-label="Account"
      className="flex items-center gap-2 border-t border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800"
    >
      {account.isAdmin ? (
        <Link href="/admin/users" className="underline">
          Users
        </Link>
      ) : null}
      <span
        data-testid="account-email"
        className="min-w-0 flex-1 truncate text-zinc-600 dark:text-zinc-400"
      >
        {account.email}
      </span>
      <button
        type="button"
        onClick={() => void signOut()}
        disabled={!ready || pending}
        className="rounded-md border border-zinc-300 px-2 py-1 hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Sign out
      </button>
    </section>
  );
}
