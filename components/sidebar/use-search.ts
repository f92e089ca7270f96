"use client";

import { useEffect, useState } from "react";
import { parseErrorBody } from "@/lib/errors";
import type { SearchResult } from "@/lib/types";

export type SearchState = (
  | { status: "idle" }
  | { status: "searching" }
  | { status: "done"; results: SearchResult[] }
  | { status: "failed"; message: string }
) & {
  /** True while what is shown answers an earlier query than the one typed. */
  stale?: boolean;
};

type Answer = SearchState & { query: string };

const DEBOUNCE_MS = 150;

/**
 * Searches as the person types, once they pause; an answer to an older
 * query never replaces a newer one (its request is aborted).
 */
export function useSearch(query: string): SearchState {
  const [answer, setAnswer] = useState<Answer>();
  const trimmed = query.trim();

  useEffect(() => {
    if (!trimmed) {
      // A new search starts afresh, not under the last one's results.
      setAnswer(undefined);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      void search(trimmed, controller.signal).then((next) => {
        if (!controller.signal.aborted) setAnswer({ ...next, query: trimmed });
      });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed]);

  if (!trimmed) return { status: "idle" };
  // The previous results stay up while the next ones load: no flicker.
  if (!answer || (answer.status === "failed" && answer.query !== trimmed)) {
    return { status: "searching" };
  }
  return { ...answer, stale: answer.query !== trimmed };
}

async function search(q: string, signal: AbortSignal): Promise<SearchState> {
  try {
    const response = await fetch(`/api/search?${new URLSearchParams({ q })}`, {
      cache: "no-store",
      signal,
    });
    if (!response.ok) {
      const error = parseErrorBody(await response.text());
      return {
        status: "failed",
        message: error?.message ?? "The search failed. Try again.",
      };
    }
    const body = (await response.json()) as { results: SearchResult[] };
    return { status: "done", results: body.results };
  } catch {
    return { status: "failed", message: "The search failed. Try again." };
  }
}
