"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { CONVERSATIONS_CHANGED } from "@/lib/client-events";
import { parseErrorBody } from "@/lib/errors";
import type { ConversationSummary } from "@/lib/types";

// A generated title is saved a moment after the reply ends (the server asks
// the model for it then): look again a few times, then give up. The first
// words stay the title when generation fails.
const FOLLOW_UP_DELAYS_MS = [1_000, 2_000, 4_000, 8_000];

type Change = { title: string } | { pinned: boolean };

/** The sidebar's list of conversations and what can be done to them. */
export function useConversations(initial: ConversationSummary[]) {
  const [conversations, setConversations] = useState(initial);
  const [error, setError] = useState<string>();
  const latest = useRef(0);
  const followUp = useRef<ReturnType<typeof setTimeout>>(undefined);

  const refresh = useCallback(async (attempt = 0) => {
    clearTimeout(followUp.current);
    const request = ++latest.current;
    const list = await fetchConversations();
    // An older request answering late must not undo a newer one.
    if (!list || request !== latest.current) return;
    setConversations(list);
    const shown = list.find(
      (conversation) => window.location.pathname === `/c/${conversation.id}`,
    );
    const delay = FOLLOW_UP_DELAYS_MS[attempt];
    if (shown?.titleSource === "message" && delay !== undefined) {
      followUp.current = setTimeout(() => void refresh(attempt + 1), delay);
    }
  }, []);

  useEffect(() => {
    const onChange = () => void refresh();
    window.addEventListener(CONVERSATIONS_CHANGED, onChange);
    return () => {
      window.removeEventListener(CONVERSATIONS_CHANGED, onChange);
      clearTimeout(followUp.current);
    };
  }, [refresh]);

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
      b.updatedAt.localeCompare(a.updatedAt),
  );
}

async function fetchConversations(): Promise<ConversationSummary[] | null> {
  try {
    const response = await fetch("/api/conversations", { cache: "no-store" });
    if (!response.ok) return null;
    const body = (await response.json()) as {
      conversations: ConversationSummary[];
    };
    return body.conversations;
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
