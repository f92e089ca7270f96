"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ShareLinkInfo } from "@/lib/share/link";
import { deleteShareLink, fetchShareLinks, postShareLink } from "./share-api";
import { ShareLinkList } from "./share-link-list";
import {
  DEFAULT_SHARE_OPTIONS,
  ShareOptionFields,
  toRequest,
} from "./share-options";

/** Creates, copies and revokes a conversation's share links. */
export function ShareDialog({
  conversationId,
  onClose,
}: {
  conversationId: string;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [options, setOptions] = useState(DEFAULT_SHARE_OPTIONS);
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
      const link = await postShareLink(conversationId, toRequest(options));
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
      <ShareOptionFields options={options} onChange={setOptions} />
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
