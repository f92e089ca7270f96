"use client";

import { type ShareLinkInfo, shareLinkState } from "@/lib/share/link";

/** Links with their state and view counts, each with a Revoke button. */
export function ShareLinkList({
  links,
  showTitle,
  onRevoke,
}: {
  links: ShareLinkInfo[];
  showTitle: boolean;
  onRevoke: (token: string) => void;
}) {
  if (links.length === 0) {
    return <p className="text-sm text-zinc-500">No links yet.</p>;
  }
  return (
    <ul className="flex flex-col gap-2">
      {links.map((link) => {
        const state = shareLinkState(link);
        return (
          <li
            key={link.token}
            data-testid="share-link-row"
            data-state={state}
            className="flex items-center gap-3 rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800"
          >
            <div className="min-w-0 flex-1">
              {showTitle ? (
                <p className="truncate font-medium">{link.conversationTitle}</p>
              ) : null}
              <p className="text-xs text-zinc-500">
                {link.mode === "live" ? "Live" : "Snapshot"} · created{" "}
                {new Date(link.createdAt).toLocaleString()} ·{" "}
                {describeState(link, state)} ·{" "}
                <span data-testid="share-view-count">
                  {link.viewCount} {link.viewCount === 1 ? "view" : "views"}
                </span>
              </p>
            </div>
            {state === "active" ? (
              <button
                type="button"
                onClick={() => onRevoke(link.token)}
                className="rounded-md border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
              >
                Revoke
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function describeState(
  link: ShareLinkInfo,
  state: ReturnType<typeof shareLinkState>,
): string {
  if (state === "revoked") return "revoked";
  if (state === "expired") return "expired";
  return link.expiresAt
    ? `expires ${new Date(link.expiresAt).toLocaleString()}`
    : "never expires";
}
