"use client";

import { type ReactNode, useEffect, useRef, useSyncExternalStore } from "react";
import { groupConversations, startOfLocalDay } from "@/lib/history/groups";
import type { ConversationSummary } from "@/lib/types";

/**
 * The list under its headings (Pinned, Today, Previous 7 days, Older), and
 * a sentinel at its end that asks for the next page when scrolled into view.
 */
export function ConversationList({
  conversations,
  hasMore,
  loadingMore,
  onLoadMore,
  renderItem,
}: {
  conversations: ConversationSummary[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  renderItem: (conversation: ConversationSummary) => ReactNode;
}) {
  const today = useLocalDay();
  // The server knows neither the browser's clock nor its time zone: until
  // hydration is done, only pinned and the rest are told apart.
  const groups =
    today === null
      ? groupConversations(conversations, new Date(0)).map((group) =>
          group.label === "Pinned" ? group : { ...group, label: undefined },
        )
      : groupConversations(conversations, new Date(today));

  return (
    <nav
      aria-label="Conversations"
      className="flex-1 overflow-y-auto px-2 pb-3"
    >
      {conversations.length === 0 ? (
        <p className="px-2 text-sm text-zinc-500">No conversations yet.</p>
      ) : null}
      {groups.map((group, index) => (
        <Group key={group.label ?? index} label={group.label}>
          {group.items.map(renderItem)}
        </Group>
      ))}
      {hasMore ? (
        <LoadMoreSentinel loading={loadingMore} onVisible={onLoadMore} />
      ) : null}
    </nav>
  );
}

function Group({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <section aria-label={label} className="mb-2">
      {label ? (
        <h2 className="px-2 pt-1 pb-1 text-xs font-medium text-zinc-500 uppercase">
          {label}
        </h2>
      ) : null}
      <ul className="space-y-0.5">{children}</ul>
    </section>
  );
}

function LoadMoreSentinel({
  loading,
  onVisible,
}: {
  loading: boolean;
  onVisible: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const latestOnVisible = useRef(onVisible);
  latestOnVisible.current = onVisible;

  // Observed anew after each load, so that a sentinel still in view after
  // a short page asks again.
  useEffect(() => {
    const element = ref.current;
    if (!element || loading) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          latestOnVisible.current();
        }
      },
      // A little ahead of the end, so that scrolling rarely has to wait.
      { rootMargin: "0px 0px 200px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [loading]);

  return (
    <div ref={ref} data-testid="load-more" className="px-2 py-1.5">
      {loading ? (
        <p role="status" className="text-sm text-zinc-500">
          Loading more…
        </p>
      ) : null}
    </div>
  );
}

/** Local midnight of today in the browser (ms), null while hydrating. */
function useLocalDay(): number | null {
  return useSyncExternalStore(
    subscribeToMinutes,
    () => startOfLocalDay(new Date()).getTime(),
    () => null,
  );
}

// Checked once a minute, so the headings move on at midnight.
function subscribeToMinutes(onChange: () => void): () => void {
  const timer = setInterval(onChange, 60_000);
  return () => clearInterval(timer);
}
