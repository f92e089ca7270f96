"use client";

import { useEffect, useState } from "react";
import type { ShareLinkInfo } from "@/lib/share/link";
import { deleteShareLink, fetchShareLinks } from "./share-api";
import { ShareLinkList } from "./share-link-list";

/** The settings page's list of every share link, with Revoke. */
export function SharedLinks() {
  const [links, setLinks] = useState<ShareLinkInfo[] | null>(null);
  const [error, setError] = useState<string>();

  const load = async () => {
    try {
      setLinks(await fetchShareLinks());
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once
  useEffect(() => {
    void load();
  }, []);

  const revoke = async (token: string) => {
    setError(undefined);
    try {
      await deleteShareLink(token);
      await load();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <section aria-labelledby="shared-links-title" className="mt-8">
      <h2 id="shared-links-title" className="mb-3 text-lg font-semibold">
        Shared links
      </h2>
      {error ? (
        <p role="alert" className="mb-2 text-sm text-red-600">
          {error}
        </p>
      ) : null}
      {links ? (
        <ShareLinkList links={links} showTitle onRevoke={revoke} />
      ) : (
        <p className="text-sm text-zinc-500">Loading…</p>
      )}
    </section>
  );
}
