"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ShareLinkInfo, ShareMode } from "@/lib/share/link";
import { deleteShareLink, fetchShareLinks, postShareLink } from "./share-api";
import { ShareLinkList } from "./share-link-list";

const EXPIRIES = [
  { label: "Never", ms: null },
  { label: "1 hour", ms: 3_600_000 },
  { label: "1 day", ms: 86_400_000 },
  { label: "7 days", ms: 7 * 86_400_000 },
  { label: "30 days", ms: 30 * 86_400_000 },
] as const;

/** Creates, copies and revokes a conversation's share links. */
export function ShareDialog({
  conversationId,
  onClose,
}: {
  conversationId: string;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [mode, setMode] = useState<ShareMode>("snapshot");
  const [expiry, setExpiry] = useState(0);
  const [includeSystemPrompt, setIncludeSystemPrompt] = useState(false);
  const [indexable, setIndexable] = useState(false);
  const [created, setCreated] = useState<ShareLinkInfo | null>(null);
  const [links, setLinks] = useState<ShareLinkInfo[]>([]);
  const [error, setError] = useState<string>();
  const [note, setNote] = useState<string>();
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setLinks(await fetchShareLinks(conversationId));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [conversationId]);

  useEffect(() => {
    dialog.current?.showModal();
    void refresh();
  }, [refresh]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setNote(undefined);
    try {
      await action();
      await refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  const create = () =>
    run(async () => {
      const ms = EXPIRIES[expiry]?.ms ?? null;
      const link = await postShareLink(conversationId, {
        mode,
        expiresAt: ms === null ? null : new Date(Date.now() + ms).toISOString(),
        includeSystemPrompt,
        indexable,
      });
      setCreated(link);
    });

  const revoke = (token: string) =>
    run(async () => {
      const link = await deleteShareLink(token);
      if (created?.token === token) setCreated(link);
      setNote("Link revoked.");
    });

  const absolute = created ? `${window.location.origin}${created.url}` : "";

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(absolute);
      setNote("Link copied.");
    } catch {
      setNote("Copying failed: select the link and copy it.");
    }
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby="share-dialog-title"
      onClose={onClose}
      className="m-auto max-h-[90dvh] w-[min(36rem,95vw)] overflow-y-auto rounded-xl bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="share-dialog-title" className="mb-4 text-lg font-semibold">
        Share conversation
      </h2>
      <fieldset className="mb-3 flex gap-4 text-sm">
        <legend className="mb-1 text-xs text-zinc-500">Kind of link</legend>
        {(["snapshot", "live"] as const).map((value) => (
          <label key={value} className="flex items-center gap-1.5">
            <input
              type="radio"
              name="share-mode"
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            {value === "snapshot" ? "Snapshot" : "Live"}
          </label>
        ))}
      </fieldset>
      <label className="mb-3 flex items-center gap-2 text-sm">
        Expires
        <select
          value={expiry}
          onChange={(event) => setExpiry(Number(event.target.value))}
          className="rounded-md border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-800"
        >
          {EXPIRIES.map((option, index) => (
            <option key={option.label} value={index}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="mb-1 flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={includeSystemPrompt}
          onChange={(event) => setIncludeSystemPrompt(event.target.checked)}
        />
        Include system prompt
      </label>
      <label className="mb-3 flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={indexable}
          onChange={(event) => setIndexable(event.target.checked)}
        />
        Let search engines index it
      </label>
      <button
        type="button"
        onClick={create}
        disabled={busy}
        className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-40"
      >
        Create link
      </button>
      {created ? (
        <section aria-label="New link" className="mt-4 flex flex-col gap-2">
          <label className="flex flex-col gap-1 text-sm">
            Share link
            <input
              readOnly
              value={absolute}
              onFocus={(event) => event.target.select()}
              className="rounded-md border border-zinc-300 px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-800"
            />
          </label>
          <div className="flex gap-2">
            <button
              type="button"
              onClick={copy}
              className="rounded-md border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-700"
            >
              Copy link
            </button>
            <button
              type="button"
              onClick={() => revoke(created.token)}
              disabled={busy || created.revokedAt !== null}
              className="rounded-md border border-zinc-300 px-3 py-1 text-sm disabled:opacity-40 dark:border-zinc-700"
            >
              Revoke
            </button>
          </div>
        </section>
      ) : null}
      <p role="status" className="mt-2 min-h-5 text-sm text-zinc-600">
        {note}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <section aria-label="Links to this conversation" className="mt-3">
        <h3 className="mb-2 text-sm font-medium">Links to this conversation</h3>
        <ShareLinkList links={links} showTitle={false} onRevoke={revoke} />
      </section>
      <div className="mt-4 flex justify-end">
        <button
          type="button"
          onClick={() => dialog.current?.close()}
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700"
        >
          Close
        </button>
      </div>
    </dialog>
  );
}
