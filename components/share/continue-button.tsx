"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { parseErrorBody } from "@/lib/errors";

/** Copies the shared conversation into one's own history and opens it. */
export function ContinueButton({ token }: { token: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onContinue() {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/shares/${token}/continue`, {
        method: "POST",
      });
      if (response.status === 401) {
        // Copies go into one's own history: sign in, then come back here.
        window.location.assign(
          `/sign-in?next=${encodeURIComponent(window.location.pathname)}`,
        );
        return;
      }
      const text = await response.text();
      if (!response.ok) {
        throw parseErrorBody(text) ?? new Error("Could not continue.");
      }
      const { conversationId } = JSON.parse(text) as {
        conversationId: string;
      };
      router.push(`/c/${conversationId}`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        onClick={onContinue}
        disabled={busy}
        className="self-start rounded-md bg-zinc-900 px-3 py-1.5 text-sm text-white hover:bg-zinc-700 disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900"
      >
        {busy ? "Copying…" : "Continue this conversation"}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
