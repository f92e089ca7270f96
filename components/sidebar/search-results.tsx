"use client";

import Link from "next/link";
import type { SearchResult } from "@/lib/types";
import type { SearchState } from "./use-search";

/** What the sidebar shows instead of the list while a search is typed. */
export function SearchResults({
  state,
  currentPath,
  onOpen,
}: {
  state: SearchState;
  currentPath: string;
  onOpen: () => void;
}) {
  return (
    <section
      aria-label="Search results"
      aria-busy={state.status === "searching" || state.stale === true}
      className="flex-1 overflow-y-auto px-2 pb-3"
    >
      {state.status === "failed" ? (
        <p role="alert" className="px-2 text-sm text-red-600">
          {state.message}
        </p>
      ) : null}
      {state.status === "searching" ? (
        <p className="px-2 text-sm text-zinc-500">Searching…</p>
      ) : null}
      {state.status === "done" && state.results.length === 0 ? (
        <p className="px-2 text-sm text-zinc-500">No conversations match</p>
      ) : null}
      {state.status === "done" && state.results.length > 0 ? (
        <ul className="space-y-0.5">
          {state.results.map((result) => {
            const href = `/c/${result.conversationId}`;
            return (
              <li key={result.conversationId}>
                <Link
                  href={href}
                  data-testid="search-result"
                  aria-current={currentPath === href ? "page" : undefined}
                  onClick={onOpen}
                  className="block rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800/60"
                >
                  <span className="block truncate font-medium">
                    {result.title}
                  </span>
                  <Snippet segments={result.snippet} />
                </Link>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

function Snippet({ segments }: { segments: SearchResult["snippet"] }) {
  if (segments.length === 0) return null;
  // Where each segment starts in the snippet: a key that never repeats.
  let offset = 0;
  const keyed = segments.map((segment) => {
    const key = offset;
    offset += segment.text.length;
    return { ...segment, key };
  });
  // Segments are text: whatever a message held is never parsed as HTML.
  return (
    <span className="line-clamp-3 text-xs text-zinc-500">
      {keyed.map((segment) =>
        segment.match ? (
          <mark
            key={segment.key}
            className="rounded-sm bg-yellow-200 text-inherit dark:bg-yellow-700"
          >
            {segment.text}
          </mark>
        ) : (
          <span key={segment.key}>{segment.text}</span>
        ),
      )}
    </span>
  );
}
