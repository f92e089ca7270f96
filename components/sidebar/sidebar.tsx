"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useState } from "react";
import { useStartNewChat } from "@/components/use-start-new-chat";
import type { ConversationSummary } from "@/lib/types";
import { ConversationItem } from "./conversation-item";
import { useConversations } from "./use-conversations";

export function Sidebar({
  initialConversations,
}: {
  initialConversations: ConversationSummary[];
}) {
  const { conversations, error, rename, setPinned, remove } =
    useConversations(initialConversations);
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

  const pinned = conversations.filter((conversation) => conversation.pinned);
  const others = conversations.filter((conversation) => !conversation.pinned);

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
        {error ? (
          <p role="alert" className="px-4 pb-2 text-sm text-red-600">
            {error}
          </p>
        ) : null}
        <nav
          aria-label="Conversations"
          className="flex-1 overflow-y-auto px-2 pb-3"
        >
          {conversations.length === 0 ? (
            <p className="px-2 text-sm text-zinc-500">No conversations yet.</p>
          ) : null}
          {pinned.length > 0 ? (
            <Group label="Pinned">{pinned.map(renderItem)}</Group>
          ) : null}
          {others.length > 0 ? (
            <Group label={pinned.length > 0 ? "Recent" : undefined}>
              {others.map(renderItem)}
            </Group>
          ) : null}
        </nav>
        <Link
          href="/settings"
          onClick={() => setOpen(false)}
          className="border-t border-zinc-200 px-4 py-3 text-sm hover:bg-zinc-100 dark:border-zinc-800 dark:hover:bg-zinc-800"
        >
          Default settings
        </Link>
      </aside>
    </>
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
