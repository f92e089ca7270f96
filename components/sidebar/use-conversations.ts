"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { CONVERSATIONS_CHANGED } from "@/lib/client-events";
import { parseErrorBody } from "@/lib/errors";
import type { ConversationPage, ConversationSummary } from "@/lib/types";

// A generated title is saved a moment after the reply ends (the server asks
// the model for it then): look again a few times, then give up. The first
// words stay the title when generation fails.
const FOLLOW_UP_DELAYS_MS = [1_000, 2_000, 4_000, 8_000];

type Change = { title: string } | { pinned: boolean };

const PAGE_SIZE = 50;
// The API's largest page (see app/(chat)/api/conversations/schema.ts).
const MAX_PAGE_SIZE = 100;

/**
 * The sidebar's list of conversations, loaded a page at a time, and what
 * can be done to them.
 */
export function useConversations(firstPage: ConversationPage) {
  const [conversations, setConversations] = useState(firstPage.conversations);
  const [nextCursor, setNextCursor] = useState(firstPage.nextCursor);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string>();
  const latest = useRef(0);
  const shownCount = useRef(conversations.length);
  const followUp = useRef<ReturnType<typeof setTimeout>>(undefined);

  const refresh = useCallback(async (attempt = 0) => {
    clearTimeout(followUp.current);
    const request = ++latest.current;
    // As many rows as are shown, so that the pages loaded by scrolling stay.
    const page = await fetchRows(Math.max(shownCount.current, PAGE_SIZE));
    // An older request answering late must not undo a newer one.
    if (!page || request !== latest.current) return;
    const list = page.conversations;
    setConversations(list);
    setNextCursor(page.nextCursor);
    const shown = list.find(
      (conversation) => window.location.pathname === `/c/${conversation.id}`,
    );
    const delay = FOLLOW_UP_DELAYS_MS[attempt];
    if (shown?.titleSource === "message" && delay !== undefined) {
      followUp.current = setTimeout(() => void refresh(attempt + 1), delay);
    }
  }, []);

  useEffect(() => {
    shownCount.current = conversations.length;
  }, [conversations]);

  useEffect(() => {
    const onChange = () => void refresh();
    window.addEventListener(CONVERSATIONS_CHANGED, onChange);
    return () => {
      window.removeEventListener(CONVERSATIONS_CHANGED, onChange);
      clearTimeout(followUp.current);
    };
  }, [refresh]);

  const loadMore = useCallback(async () => {
    if (!nextCursor || loadingMore) return;
    setLoadingMore(true);
    const request = latest.current;
    const page = await fetchPage(nextCursor, PAGE_SIZE);
    setLoadingMore(false);
    // A refresh meanwhile replaced the list and its cursor.
    if (!page || request !== latest.current) return;
    setConversations((list) => {
      const known = new Set(list.map((item) => item.id));
      return [
        ...list,
        ...page.conversations.filter((item) => !known.has(item.id)),
      ];
    });
    setNextCursor(page.nextCursor);
  }, [nextCursor, loadingMore]);

  const change = useCallback(
    async (id: string, update: Change) => {
      setError(undefined);
      setConversations((list) =>
        inListOrder(
          list.map((item) =>
            item.id === id
              ? {
                  ...item,
                  ...update,
                  ...("title" in update
                    ? { titleSource: "user" as const }
                    : {}),
                }
              : item,
          ),
        ),
      );
      const response = await send(`/api/conversations/${id}`, "PATCH", update);
      if (!response.ok) setError(await describeFailure(response));
      await refresh();
    },
    [refresh],
  );

  /** Resolves to whether the conversation is gone. */
  const remove = useCallback(async (id: string): Promise<boolean> => {
    setError(undefined);
    // A list fetched before the delete must not bring the conversation back.
    latest.current++;
    const response = await send(`/api/conversations/${id}`, "DELETE");
    // Already gone is what was asked for.
    const gone = response.ok || response.status === 404;
    if (gone) {
      setConversations((list) => list.filter((item) => item.id !== id));
    } else {
      setError(await describeFailure(response));
    }
    return gone;
  }, []);

  return {
    conversations,
    hasMore: nextCursor !== null,
    loadingMore,
    loadMore,
    error,
    rename: (id: string, title: string) => change(id, { title }),
    setPinned: (id: string, pinned: boolean) => change(id, { pinned }),
    remove,
  };
}

/** The server's order: pinned first, then the most recent activity. */
function inListOrder(list: ConversationSummary[]): ConversationSummary[] {
  return list.toSorted(
    (a, b) =>
      Number(b.pinned) - Number(a.pinned) ||
      b.updatedAt.localeCompare(a.updatedAt) ||
      b.id.localeCompare(a.id),
  );
}

/** The first `count` rows of the list, in as many pages as that takes. */
async function fetchRows(count: number): Promise<ConversationPage | null> {
  const conversations: ConversationSummary[] = [];
  let cursor: string | null = null;
  do {
    const limit = Math.min(MAX_PAGE_SIZE, count - conversations.length);
    const page = await fetchPage(cursor, limit);
    if (!page) return null;
    conversations.push(...page.conversations);
    cursor = page.nextCursor;
  } while (cursor && conversations.length < count);
  return { conversations, nextCursor: cursor };
}

async function fetchPage(
  cursor: string | null,
  limit: number,
): Promise<ConversationPage | null> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set("cursor", cursor);
  try {
    const response = await fetch(`/api/conversations?${query}`, {
      cache: "no-store",
    });
    if (!response.ok) return null;
    return (await response.json()) as ConversationPage;
  } catch {
    return null;
  }
}

async function send(url: string, method: string, body?: unknown) {
  try {
    return await fetch(url, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return Response.json({}, { status: 503 });
  }
}

async function describeFailure(response: Response): Promise<string> {
  const error = parseErrorBody(await response.text());
  return error?.message ?? "The change could not be saved. Try again.";
}
