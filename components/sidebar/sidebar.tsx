"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useStartNewChat } from "@/components/use-start-new-chat";
import type { ConversationPage, ConversationSummary } from "@/lib/types";
import { AccountMenu, type SidebarAccount } from "./account-menu";
import { ConversationItem } from "./conversation-item";
import { ConversationList } from "./conversation-list";
import { SearchBox } from "./search-box";
import { SearchResults } from "./search-results";
import { useConversations } from "./use-conversations";
import { useSearch } from "./use-search";

export function Sidebar({
  firstPage,
  account,
}: {
  firstPage: ConversationPage;
  /** Null when accounts are off (PARLEY_ACCOUNTS=off). */
  account: SidebarAccount | null;
}) {
  const list = useConversations(firstPage);
  const { conversations, error, rename, setPinned, remove } = list;
  const [query, setQuery] = useState("");
  const search = useSearch(query);
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const openNewChat = useStartNewChat();

  const startNewChat = () => {
    setOpen(false);
    openNewChat();
  };

  const renderItem = (conversation: ConversationSummary) => {
    const href = `/c/${conversation.id}`;
    return (
      <ConversationItem
        key={conversation.id}
        conversation={conversation}
        current={pathname === href}
        onOpen={() => setOpen(false)}
        onRename={(title) => rename(conversation.id, title)}
        onSetPinned={(pinned) => setPinned(conversation.id, pinned)}
        onDelete={async () => {
          const gone = await remove(conversation.id);
          // A new chat started here may not have told the router its URL.
          if (gone && window.location.pathname === href) startNewChat();
        }}
      />
    );
  };

  return (
    <>
      <SidebarToggle open={open} onToggle={() => setOpen(!open)} />
      <aside
        className={`${open ? "flex" : "hidden"} absolute inset-y-0 left-0 z-20 w-64 flex-col border-r border-zinc-200 bg-zinc-50 md:static md:flex dark:border-zinc-800 dark:bg-zinc-900`}
      >
        <div className="flex items-center gap-2 p-3">
          <span className="flex-1 font-semibold">Parley</span>
          <button
            type="button"
            onClick={startNewChat}
            className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            New chat
          </button>
        </div>
        <SearchBox value={query} onChange={setQuery} />
        {error ? (
          <p role="alert" className="px-4 pb-2 text-sm text-red-600">
            {error}
          </p>
        ) : null}
        {search.status === "idle" ? (
          <ConversationList
            conversations={conversations}
            hasMore={list.hasMore}
            loadingMore={list.loadingMore}
            onLoadMore={() => void list.loadMore()}
            renderItem={renderItem}
          />
        ) : (
          <SearchResults
            state={search}
            currentPath={pathname}
            onOpen={() => setOpen(false)}
          />
        )}
        <Link
          href="/settings"
          onClick={() => setOpen(false)}
          className="border-t border-zinc-200 px-4 py-3 text-sm hover:bg-zinc-100 dark:border-zinc-800 dark:hover:bg-zinc-800"
        >
          Default settings
        </Link>
        {account ? <AccountMenu account={account} /> : null}
      </aside>
    </>
  );
}

function SidebarToggle({
  open,
  onToggle,
}: {
  open: boolean;
  onToggle: () => void;
}) {
  // On narrow screens the sidebar is an overlay; this button sits outside it.
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-label={open ? "Hide conversations" : "Show conversations"}
      onClick={onToggle}
      className="fixed top-2 left-2 z-30 flex rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm md:hidden dark:border-zinc-700 dark:bg-zinc-900"
    >
      ☰
    </button>
  );
}
