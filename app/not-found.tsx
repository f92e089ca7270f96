import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: "Not found · Parley",
  robots: { index: false },
};

// Replaces Next's default page, whose inline <style> the pages'
// Content-Security-Policy would block.
export default function NotFound() {
  return (
    <main className="flex flex-1 flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-xl font-semibold">This page could not be found</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        The conversation or link may have been deleted, revoked or mistyped.
      </p>
      <Link
        href="/"
        className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Start a new chat
      </Link>
    </main>
  );
}
