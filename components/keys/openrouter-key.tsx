"use client";

import { type FormEvent, useState } from "react";
import { useHydrated } from "@/components/use-hydrated";
import { parseErrorBody } from "@/lib/errors";
import type { OpenRouterKeyInfo, OpenRouterKeyStatus } from "@/lib/types";
import { formatCost } from "@/lib/usage-totals";

/** What the OAuth callback reports in `?openrouter=`, in words. */
const OUTCOMES: Record<string, { text: string; ok: boolean }> = {
  connected: { text: "Your OpenRouter account is connected.", ok: true },
  denied: {
    text: "OpenRouter did not give Parley a key: the request was declined.",
    ok: false,
  },
  expired: {
    text:
      "The connection took longer than ten minutes or was started in " +
      "another browser. Connect again.",
    ok: false,
  },
  refused: {
    text: "OpenRouter refused the authorization. Connect again: a code works once.",
    ok: false,
  },
  unreachable: {
    text: "Could not reach OpenRouter to finish connecting. Try again in a moment.",
    ok: false,
  },
};

type Note = { text: string; ok: boolean } | undefined;

const buttonClass =
  "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800";

/**
 * Settings section: the key replies are sent with. Connect an OpenRouter
 * account (OAuth PKCE), paste a key, test it, remove it. The server only
 * ever shows its last four characters.
 */
export function OpenRouterKey({
  initial,
  outcome,
}: {
  initial: OpenRouterKeyStatus;
  outcome: string | undefined;
}) {
  const [status, setStatus] = useState(initial);
  const [note, setNote] = useState<Note>(
    outcome ? OUTCOMES[outcome] : undefined,
  );
  const hydrated = useHydrated();
  const [working, setBusy] = useState(false);
  const busy = working || !hydrated;
  const [draft, setDraft] = useState("");

  async function call(
    url: string,
    init: RequestInit,
  ): Promise<Record<string, unknown> | undefined> {
    setBusy(true);
    setNote(undefined);
    try {
      const response = await fetch(url, { cache: "no-store", ...init });
      const text = await response.text();
      if (!response.ok) {
        setNote({
          text:
            parseErrorBody(text)?.message ??
            `The request failed (HTTP ${response.status}).`,
          ok: false,
        });
        return undefined;
      }
      const body = JSON.parse(text) as Record<string, unknown>;
      if (body.status) setStatus(body.status as OpenRouterKeyStatus);
      return body;
    } catch {
      setNote({
        text: "Could not reach the Parley server. Check that it is running, then try again.",
        ok: false,
      });
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const body = await call("/api/openrouter-key", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key: draft }),
    });
    if (!body) return;
    setDraft("");
    setNote({
      text: `Key saved. ${summarizeKey(body.info as OpenRouterKeyInfo)}`,
      ok: true,
    });
  }

  async function test() {
    const body = await call("/api/openrouter-key/check", { method: "POST" });
    if (body) {
      setNote({
        text: `OpenRouter accepts the key. ${summarizeKey(body.info as OpenRouterKeyInfo)}`,
        ok: true,
      });
    }
  }

  async function remove() {
    const body = await call("/api/openrouter-key", { method: "DELETE" });
    if (body) setNote({ text: "Key removed.", ok: true });
  }

  const stored = status.stored;
  return (
    <section
      id="openrouter-key"
      aria-labelledby="openrouter-key-title"
      className="mt-8"
    >
      <h2 id="openrouter-key-title" className="mb-1 text-lg font-semibold">
        OpenRouter key
      </h2>
      <p data-testid="key-in-use" className="mb-3 text-sm">
        {stored
          ? `Replies use your key ending in ${stored.lastFour}, ${
              stored.source === "oauth"
                ? "connected through OpenRouter"
                : "pasted here"
            } on ${new Date(stored.createdAt).toLocaleDateString("en-GB", {
              dateStyle: "medium",
            })}.`
          : status.serverKey
            ? "Replies use the server's key (OPENROUTER_API_KEY)."
            : status.serverKeyDenied
              ? "The administrator has not allowed the server's key for your account: connect your own to chat."
              : "There is no key yet: Parley cannot answer until you add one."}
        {stored?.unreadable
          ? " It cannot be read with this server's secret (BETTER_AUTH_SECRET changed?): connect again."
          : null}
      </p>
      <div className="mb-3 flex flex-wrap gap-2">
        <a className={buttonClass} href="/api/openrouter-key/oauth">
          Connect OpenRouter account
        </a>
        <button
          type="button"
          className={buttonClass}
          onClick={test}
          disabled={busy || (!stored && !status.serverKey)}
        >
          Test key
        </button>
        {stored ? (
          <button
            type="button"
            className={buttonClass}
            onClick={remove}
            disabled={busy}
          >
            Remove key
          </button>
        ) : null}
      </div>
      <form onSubmit={save} className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm">
          OpenRouter API key
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            disabled={!hydrated}
            placeholder="sk-or-v1-…"
            className="rounded-md border border-zinc-300 px-2 py-1.5 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        </label>
        <button
          type="submit"
          className={buttonClass}
          disabled={busy || draft.trim() === ""}
        >
          Save key
        </button>
      </form>
      {note ? (
        <p
          role={note.ok ? "status" : "alert"}
          className={`mt-2 text-sm ${note.ok ? "text-zinc-700 dark:text-zinc-300" : "text-red-600 dark:text-red-400"}`}
        >
          {note.text}
        </p>
      ) : null}
      <p className="mt-2 text-xs text-zinc-500">
        Stored keys are encrypted with the server's secret; only their last four
        characters are shown.
      </p>
    </section>
  );
}

function summarizeKey(info: OpenRouterKeyInfo): string {
  const limit =
    info.limit === null
      ? "no credit limit"
      : `${formatCost(info.limitRemaining ?? 0)} left of a ${formatCost(info.limit)} limit`;
  return `${formatCost(info.usage)} used so far, ${limit}.`;
}
